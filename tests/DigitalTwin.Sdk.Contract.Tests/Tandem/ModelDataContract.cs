using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DigitalTwin.Sdk.Contract.Tests.Tandem;

/// <summary>
/// Shared set-up of the Tandem model-data contract tests: a client against the contract server, and the stubs the
/// model-data endpoints need around them. The token endpoint is stubbed only to obtain a bearer; its own contract is
/// pinned with the auth endpoints.
/// </summary>
internal static class ModelDataContract
{
    /// <summary>A model URN in the form the vendor's samples use (<c>urn:adsk.dtm:</c> + id).</summary>
    internal const string ModelUrn = "urn:adsk.dtm:k5ZZZkIYQ9ixvxFDVBNoTg";

    /// <summary>The bearer the token stub hands out.</summary>
    internal const string AccessToken = "contract-model-data-token";

    private const string ClientId = "YOUR_CLIENT_ID";
    private const string ClientSecret = "YOUR_CLIENT_SECRET";

    /// <summary>Creates a two-legged client whose API and auth URLs point at <paramref name="server"/>, and stubs the token endpoint.</summary>
    internal static TandemClient CreateClient(ContractServer server)
    {
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));
        server.Server
            .Given(Request.Create().WithPath("/authentication/v2/token").UsingPost()
                .WithHeader("Authorization", "Basic " + basic)
                .WithBody(new RegexMatcher("grant_type=client_credentials")))
            .WithTitle("token (client credentials)")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"access_token":"{{AccessToken}}","token_type":"Bearer","expires_in":3599}"""));
        return new TandemClient(new TandemOptions
        {
            BaseUrl = server.At("tandem/v1/"),
            TokenUrl = server.At("authentication/v2/token"),
            AuthorizeUrl = server.At("authentication/v2/authorize"),
            RevokeUrl = server.At("authentication/v2/revoke"),
            ClientId = ClientId,
            ClientSecret = ClientSecret,
        });
    }

    /// <summary>A POST to <c>modeldata/{ModelUrn}/{operation}</c> with the bearer and exactly <paramref name="json"/> as body.</summary>
    internal static IRequestBuilder Post(string operation, string json) =>
        Request.Create().WithPath($"/tandem/v1/modeldata/{ModelUrn}/{operation}").UsingPost()
            .WithHeader("Authorization", "Bearer " + AccessToken)
            .WithHeader("Content-Type", new WildcardMatcher("application/json*"))
            .WithBody(new JsonMatcher(json));

    /// <summary>A 200 answer with a JSON body.</summary>
    internal static IResponseBuilder Json(string json) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(json);
}
