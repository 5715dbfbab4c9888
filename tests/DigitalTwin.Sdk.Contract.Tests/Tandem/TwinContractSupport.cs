using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Autodesk.Tandem.Auth;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DigitalTwin.Sdk.Contract.Tests.Tandem;

/// <summary>Shared pieces of the Tandem auth, twin, view, document and stream contract tests.</summary>
internal static class TwinContractSupport
{
    internal const string ClientId = "GCi5oTYLE36CTUlcL7wWbhq9mC5DzG9w";
    internal const string ClientSecret = "contract-secret";

    /// <summary>The twin of the vendor doc example (shared/vendor-docs/autodesk-tandem-get-twin.txt, "Example").</summary>
    internal const string TwinId = "urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw";

    /// <summary>Its default model (tutorial-rest common/utils.js getDefaultModel: the twin id with the model prefix).</summary>
    internal const string DefaultModelId = "urn:adsk.dtm:d5eZt_XtRzqUHT93-vNZxw";

    /// <summary>
    /// The access token of the APS example answer (aps-sdk-openapi authentication/authentication.yaml, fetch-token,
    /// client-credentials-grant), shortened: the shape, not the JWT, is what the contract fixes.
    /// </summary>
    internal const string AccessToken = "eyJhbGciOiJSUzI1NiIsImtpZCI6IlU3c0dGRldUTzlBekNhSzBqZURRM2dQZXBURVdWN2VhIn0.contract";

    /// <summary>The confidential app's HTTP Basic credentials (authentication.yaml: "Traditional Web Apps and Server-to-Server Apps should use the Authorization header with Basic Authentication").</summary>
    internal static string BasicCredentials => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));

    /// <summary>Builds a two-legged client against the contract server.</summary>
    internal static TandemClient CreateClient(ContractServer server, string scope = "data:read", Action<TandemOptions>? configure = null)
    {
        var options = new TandemOptions
        {
            BaseUrl = server.At("tandem/v1/"),
            AuthUrl = server.At("authentication/v2/"),
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            Scope = scope,
            Retry = { MaxRetries = 0 },
        };
        configure?.Invoke(options);
        return new TandemClient(options);
    }

    /// <summary>
    /// Stubs <c>POST authentication/v2/token</c> for the client-credentials grant exactly as authentication.yaml describes it:
    /// form body <c>grant_type</c> and <c>scope</c>, client authenticated with HTTP Basic; answers the example token.
    /// </summary>
    internal static void StubClientCredentials(ContractServer server, string scope = "data:read") =>
        server.Server
            .Given(Request.Create().WithPath("/authentication/v2/token").UsingPost()
                .WithHeader("Authorization", BasicCredentials)
                .WithHeader("Content-Type", "application/x-www-form-urlencoded*", MatchBehaviour.AcceptOnMatch)
                .WithBody(new FormUrlEncodedMatcher(["grant_type=client_credentials", "scope=" + scope], false, MatchOperator.And)))
            .WithTitle("APS client-credentials token")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(new JsonObject { ["access_token"] = AccessToken, ["token_type"] = "Bearer", ["expires_in"] = 3599 }.ToJsonString()));

    /// <summary>Returns the form fields of the request logged at <paramref name="path"/>, decoded, to prove no field was added.</summary>
    internal static IReadOnlyDictionary<string, string> FormOf(ContractServer server, string path)
    {
        var body = server.Server.LogEntries.Single(e => e.RequestMessage?.Path == path).RequestMessage!.Body ?? string.Empty;
        return body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty), StringComparer.Ordinal);
    }

    /// <summary>Returns the request line target (path and query) of the logged request whose path starts with <paramref name="pathPrefix"/>, as WireMock saw it.</summary>
    internal static string UrlOf(ContractServer server, string pathPrefix) =>
        server.Server.LogEntries.Single(e => e.RequestMessage?.Path?.StartsWith(pathPrefix, StringComparison.Ordinal) == true).RequestMessage!.Url;

    /// <summary>The bearer the data requests must carry.</summary>
    internal static string Bearer => "Bearer " + AccessToken;

    /// <summary>Creates an in-memory token store holding a refresh token.</summary>
    internal static async Task<ITandemTokenStore> StoreWithAsync(string refreshToken)
    {
        var store = new InMemoryTandemTokenStore();
        await store.SaveRefreshTokenAsync(refreshToken);
        return store;
    }
}
