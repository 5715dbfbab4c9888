using System.Net;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static DigitalTwin.Sdk.Contract.Tests.Tandem.TwinContractSupport;

namespace DigitalTwin.Sdk.Contract.Tests.Tandem;

/// <summary>
/// APS Authentication v2 as the Tandem client uses it, stubbed from autodesk-platform-services/aps-sdk-openapi
/// authentication/authentication.yaml (paths /authentication/v2/authorize, token, revoke; form fields; example answers).
/// </summary>
[Trait("Category", "Contract")]
public sealed class AuthContractTests
{
    private const string RedirectUri = "http://localhost:8080/api/auth/callback";

    // authentication.yaml, fetch-token, examples authorization-code-grant / refresh-token-grant (refresh tokens verbatim).
    private const string CodeGrantRefreshToken = "Zxn4ucyciQSfCN7dC7e4MWCaIZRLtYsB6vhcmg5LMH";
    private const string RefreshGrantRefreshToken = "BOqRZwG7EEIurStNOlk31U3lxrF2QFbyn0vQ0HbaHi";

    private static string UserToken(string refreshToken) => new JsonObject
    {
        ["access_token"] = AccessToken,
        ["token_type"] = "Bearer",
        ["expires_in"] = 3599,
        ["refresh_token"] = refreshToken,
    }.ToJsonString();

    // Source: authentication.yaml POST /authentication/v2/token, grant_type client_credentials, Basic client authentication;
    // also autodesk-tandem/tutorial-rest streams/ingest-data-generic-webhook-oauth.js (Basic, grant_type, scope 'data:read data:write').
    [Fact]
    public async Task TwoLegged_ClientCredentials_PostsGrantAndScopeWithBasicAuth()
    {
        using var server = new ContractServer();
        StubClientCredentials(server, "data:read data:write");
        using var client = CreateClient(server, "data:read data:write");

        var token = await client.Auth.GetAccessTokenAsync();

        Assert.Equal(AccessToken, token.Value);
        Assert.Equal(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "data:read data:write" }, FormOf(server, "/authentication/v2/token"));
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Source: authentication.yaml GET /authentication/v2/authorize: client_id, response_type=code, redirect_uri, scope,
    // state, code_challenge, code_challenge_method=S256; answered 302 to the redirect URI.
    [Fact]
    public async Task ThreeLegged_AuthorizeUrl_CarriesTheDocumentedQueryParameters()
    {
        using var server = new ContractServer();
        var pkce = PkceCodes.FromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkdBjftJeZ4CVP");
        server.Server
            .Given(Request.Create().WithPath("/authentication/v2/authorize").UsingGet()
                .WithParam("client_id", ClientId)
                .WithParam("response_type", "code")
                .WithParam("redirect_uri", RedirectUri)
                .WithParam("scope", "data:read")
                .WithParam("state", "xyz")
                .WithParam("code_challenge", pkce.Challenge)
                .WithParam("code_challenge_method", "S256"))
            .WithTitle("APS authorize")
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", RedirectUri + "?code=abc&state=xyz"));
        using var client = CreateClient(server, configure: o =>
        {
            o.Flow = TandemAuthFlow.ThreeLegged;
            o.ClientSecret = null;
            o.RedirectUri = new Uri(RedirectUri);
        });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await browser.GetAsync(client.Auth.CreateAuthorizeUri(pkce, state: "xyz"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Source: authentication.yaml POST /authentication/v2/token, grant_type authorization_code with PKCE (code, redirect_uri,
    // code_verifier); a public app (Desktop, Mobile, SPA) sends client_id in the form instead of Basic; example
    // authorization-code-grant answer.
    [Fact]
    public async Task ThreeLegged_PublicAppCodeExchange_SendsCodeVerifierAndClientIdInTheForm()
    {
        using var server = new ContractServer();
        var pkce = PkceCodes.FromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkdBjftJeZ4CVP");
        server.Server
            .Given(Request.Create().WithPath("/authentication/v2/token").UsingPost()
                .WithHeader("Content-Type", "application/x-www-form-urlencoded*")
                .WithBody(new FormUrlEncodedMatcher(
                    ["grant_type=authorization_code", "code=abc", "redirect_uri=" + RedirectUri, "code_verifier=" + pkce.Verifier, "client_id=" + ClientId],
                    false,
                    MatchOperator.And)))
            .WithTitle("APS code exchange")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(UserToken(CodeGrantRefreshToken)));
        var store = new InMemoryTandemTokenStore();
        using var client = new TandemClient(
            new TandemOptions
            {
                BaseUrl = server.At("tandem/v1/"),
                TokenUrl = server.At("authentication/v2/token"),
                AuthorizeUrl = server.At("authentication/v2/authorize"),
                RevokeUrl = server.At("authentication/v2/revoke"),
                ClientId = ClientId,
                Flow = TandemAuthFlow.ThreeLegged,
                RedirectUri = new Uri(RedirectUri),
            }.UseTokenStore(store));

        await client.Auth.ExchangeCodeAsync("abc", pkce);

        Assert.Equal(CodeGrantRefreshToken, await store.GetRefreshTokenAsync());
        Assert.Equal(5, FormOf(server, "/authentication/v2/token").Count);
        Assert.DoesNotContain(server.Server.LogEntries, e => e.RequestMessage!.Headers!.ContainsKey("Authorization"));
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Source: authentication.yaml POST /authentication/v2/token, grant_type refresh_token (refresh_token field), confidential
    // app with Basic; example refresh-token-grant answer (the refresh token rotates).
    [Fact]
    public async Task ThreeLegged_Refresh_PostsTheStoredRefreshTokenAndKeepsTheRotatedOne()
    {
        using var server = new ContractServer();
        server.Server
            .Given(Request.Create().WithPath("/authentication/v2/token").UsingPost()
                .WithHeader("Authorization", BasicCredentials)
                .WithBody(new FormUrlEncodedMatcher(["grant_type=refresh_token", "refresh_token=" + CodeGrantRefreshToken], false, MatchOperator.And)))
            .WithTitle("APS refresh")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(UserToken(RefreshGrantRefreshToken)));
        var store = await StoreWithAsync(CodeGrantRefreshToken);
        using var client = new TandemClient(
            new TandemOptions
            {
                BaseUrl = server.At("tandem/v1/"),
                TokenUrl = server.At("authentication/v2/token"),
                AuthorizeUrl = server.At("authentication/v2/authorize"),
                RevokeUrl = server.At("authentication/v2/revoke"),
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                Flow = TandemAuthFlow.ThreeLegged,
                RedirectUri = new Uri(RedirectUri),
            }.UseTokenStore(store));

        var token = await client.Auth.GetAccessTokenAsync();

        Assert.Equal(AccessToken, token.Value);
        Assert.Equal(RefreshGrantRefreshToken, await store.GetRefreshTokenAsync());
        Assert.Equal(2, FormOf(server, "/authentication/v2/token").Count);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Source: authentication.yaml POST /authentication/v2/revoke: form token and token_type_hint (required), client
    // authenticated with Basic (client_id in the body only without the header); 200 without a body.
    [Fact]
    public async Task Revoke_PostsTokenAndHintWithBasicAuth()
    {
        using var server = new ContractServer();
        server.Server
            .Given(Request.Create().WithPath("/authentication/v2/revoke").UsingPost()
                .WithHeader("Authorization", BasicCredentials)
                .WithBody(new FormUrlEncodedMatcher(["token=" + RefreshGrantRefreshToken, "token_type_hint=refresh_token"], false, MatchOperator.And)))
            .WithTitle("APS revoke")
            .RespondWith(Response.Create().WithStatusCode(200));
        using var client = CreateClient(server);

        await client.Auth.RevokeAsync(RefreshGrantRefreshToken, ApsTokenTypeHint.RefreshToken);

        Assert.Equal(2, FormOf(server, "/authentication/v2/revoke").Count);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }
}
