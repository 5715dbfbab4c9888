using System.Net;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Tandem;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using static DigitalTwin.Sdk.Testing.Tests.Tandem.TandemTestHelpers;

namespace DigitalTwin.Sdk.Testing.Tests.Tandem;

public sealed class TandemEmulatorAuthTests
{
    [Fact]
    public async Task Token_ClientCredentialsWithBasicAuth_ReturnsBearerWithoutRefreshToken()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);

        var token = await TwoLeggedAsync(emu, http, "data:read");

        Assert.Equal("Bearer", (string?)token["token_type"]);
        Assert.Equal(3600, (long)token["expires_in"]!);
        Assert.False(string.IsNullOrEmpty((string?)token["access_token"]));
        Assert.Null(token["refresh_token"]);
        Assert.Equal(1, emu.TokensIssued);
    }

    [Fact]
    public async Task Token_ParametersInTheQueryStringWithoutBody_AsTheVendorSampleSendsThem_IssuesAToken()
    {
        // autodesk-tandem/tutorial-rest common/auth.js createToken: POST token?grant_type=client_credentials&scope=… with
        // Basic credentials and no body.
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        using var request = new HttpRequestMessage(HttpMethod.Post, "authentication/v2/token?grant_type=client_credentials&scope=data%3Aread");
        request.Headers.Authorization = Basic(emu.ClientId, emu.ClientSecret);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("emu-at-", (string?)(await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!["access_token"], StringComparison.Ordinal);
        Assert.Equal(1, emu.TokensIssued);
    }

    [Fact]
    public async Task Token_JsonBodyInsteadOfForm_Returns400InvalidRequest()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        using var request = new HttpRequestMessage(HttpMethod.Post, "authentication/v2/token?scope=data%3Aread")
        {
            Content = new StringContent("{\"grant_type\":\"client_credentials\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = Basic(emu.ClientId, emu.ClientSecret);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, emu.TokensIssued);
    }

    [Fact]
    public async Task Token_SecretInBodyInsteadOfBasic_Returns401InvalidClient()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);

        using var response = await PostFormAsync(http, "authentication/v2/token",
            [new("grant_type", "client_credentials"), new("scope", "data:read"), new("client_id", emu.ClientId), new("client_secret", emu.ClientSecret)]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (string?)(await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!["error"]);
    }

    [Fact]
    public async Task Token_WrongSecret_Returns401()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);

        using var response = await PostFormAsync(http, "authentication/v2/token",
            [new("grant_type", "client_credentials"), new("scope", "data:read")], Basic(emu.ClientId, "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_ClientCredentialsWithoutScope_Returns400InvalidScope()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);

        using var response = await PostFormAsync(http, "authentication/v2/token", [new("grant_type", "client_credentials")], Basic(emu.ClientId, emu.ClientSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_scope", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizationCode_WithMatchingVerifier_ReturnsAccessAndRefreshToken()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);

        var token = await ThreeLeggedAsync(emu, http);

        Assert.False(string.IsNullOrEmpty((string?)token["refresh_token"]));
        Assert.False(string.IsNullOrEmpty((string?)token["access_token"]));
    }

    [Fact]
    public async Task AuthorizationCode_WrongVerifier_ReturnsInvalidGrant()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var code = await AuthorizeAsync(http, emu.PublicClientId, emu.RedirectUri, Challenge(Verifier));

        using var response = await PostFormAsync(http, "authentication/v2/token",
        [
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", emu.RedirectUri.ToString()),
            new("code_verifier", new string('a', 43)), new("client_id", emu.PublicClientId),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_grant", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizationCode_UsedTwice_SecondExchangeFails()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var code = await AuthorizeAsync(http, emu.ClientId, emu.RedirectUri, Challenge(Verifier));
        KeyValuePair<string, string>[] form =
        [
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", emu.RedirectUri.ToString()), new("code_verifier", Verifier),
        ];

        using var first = await PostFormAsync(http, "authentication/v2/token", form, Basic(emu.ClientId, emu.ClientSecret));
        using var second = await PostFormAsync(http, "authentication/v2/token", form, Basic(emu.ClientId, emu.ClientSecret));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirectUri_Returns400WithoutRedirect()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);

        using var response = await http.GetAsync($"authentication/v2/authorize?response_type=code&client_id={emu.ClientId}&redirect_uri={Uri.EscapeDataString("https://evil.example/cb")}&scope=data:read");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Authorize_PublicClientWithoutChallenge_RedirectsWithInvalidRequest()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);

        using var response = await http.GetAsync($"authentication/v2/authorize?response_type=code&client_id={emu.PublicClientId}&redirect_uri={Uri.EscapeDataString(emu.RedirectUri.ToString())}&scope=data:read");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("error=invalid_request", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_RotatesTokens_AndOldRefreshTokenIsSingleUse()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var first = await ThreeLeggedAsync(emu, http);
        var oldRefresh = (string)first["refresh_token"]!;
        KeyValuePair<string, string>[] form = [new("grant_type", "refresh_token"), new("refresh_token", oldRefresh), new("client_id", emu.PublicClientId)];

        using var rotated = await PostFormAsync(http, "authentication/v2/token", form);
        var second = (await JsonAsync(rotated)).AsObject();
        using var replay = await PostFormAsync(http, "authentication/v2/token", form);

        Assert.NotEqual(oldRefresh, (string?)second["refresh_token"]);
        Assert.NotEqual((string?)first["access_token"], (string?)second["access_token"]);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        var answer = await replay.Content.ReadAsStringAsync();
        Assert.Contains("single-use", answer, StringComparison.Ordinal);
        Assert.Contains("invalid_grant", answer, StringComparison.Ordinal);
        Assert.Equal(1, emu.RefreshGrants);
        Assert.Equal(1, emu.RefreshGrantsRefused);
    }

    [Fact]
    public async Task Refresh_WiderScopeThanGranted_ReturnsInvalidScope()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var first = await ThreeLeggedAsync(emu, http, "data:read");

        using var response = await PostFormAsync(http, "authentication/v2/token",
            [new("grant_type", "refresh_token"), new("refresh_token", (string)first["refresh_token"]!), new("client_id", emu.PublicClientId), new("scope", "data:read data:write")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_scope", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_AccessToken_DataApiAnswers401()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        using var revoke = await PostFormAsync(http, "authentication/v2/revoke", [new("token", token), new("token_type_hint", "access_token")], Basic(emu.ClientId, emu.ClientSecret));
        using var twin = await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}", token);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, twin.StatusCode);
    }

    [Fact]
    public async Task Revoke_RefreshToken_RefreshFails()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var refresh = (string)(await ThreeLeggedAsync(emu, http))["refresh_token"]!;

        using var revoke = await PostFormAsync(http, "authentication/v2/revoke", [new("token", refresh), new("token_type_hint", "refresh_token"), new("client_id", emu.PublicClientId)]);
        using var response = await PostFormAsync(http, "authentication/v2/token", [new("grant_type", "refresh_token"), new("refresh_token", refresh), new("client_id", emu.PublicClientId)]);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Revoke_WithoutTokenTypeHint_Returns400()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);

        using var response = await PostFormAsync(http, "authentication/v2/revoke", [new("token", "x")], Basic(emu.ClientId, emu.ClientSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AccessToken_AfterLifetime_Returns401()
    {
        var clock = TestTime.CreateClock();
        await using var emu = await TandemEmulator.StartAsync(new TandemEmulatorOptions { TimeProvider = clock });
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        using var fresh = await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}", token);
        clock.Advance(TimeSpan.FromMinutes(61));
        using var stale = await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}", token);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }
}
