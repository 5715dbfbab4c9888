using System.Web;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using DigitalTwin.Sdk.Siemens.BuildingX;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DigitalTwin.Sdk.Contract.Tests.BuildingX;

/// <summary>
/// A WireMock server standing in for the Building X token endpoint, the Operations API (under <c>/api/openness/operations</c>)
/// and the Accounts API (under <c>/accounts</c>), with the token exchange stubbed from the vendor's literal example.
/// </summary>
internal sealed class BuildingXContract : IDisposable
{
    /// <summary>The access token of the vendor's "Create a token" example response (Accounts API quick start, dev guide how-to).</summary>
    public const string Token = "eyJ0eXAiOiUSJ9.eyJpc3MiOiJdGlhbHMifQ.MJpcxLfyOt";

    public const string ClientId = "YOUR_CLIENT_ID";

    public const string ClientSecret = "YOUR_CLIENT_SECRET";

    public const string OperationsPath = "/api/openness/operations";

    public const string AccountsPath = "/accounts";

    public BuildingXContract()
    {
        // Developer guide, "Authentication": client_id, client_secret, audience (https://horizon.siemens.com) and
        // grant_type client_credentials, POSTed as JSON to the token endpoint (quick-start curl example); the answer is
        // the quick start's example response.
        Server.Server
            .Given(Request.Create().WithPath("/oauth/token").UsingPost()
                .WithHeader("Content-Type", "application/json*", MatchBehaviour.AcceptOnMatch)
                .WithBody(new JsonMatcher($$"""{"client_id":"{{ClientId}}","client_secret":"{{ClientSecret}}","audience":"https://horizon.siemens.com","grant_type":"client_credentials"}""")))
            .WithTitle("token")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"access_token":"{{Token}}","token_type":"Bearer","expires_in":86400}"""));
    }

    public ContractServer Server { get; } = new();

    public BuildingXClient CreateClient()
    {
        var options = new BuildingXOptions
        {
            BaseUrl = Server.At(OperationsPath.TrimStart('/')),
            AccountsBaseUrl = Server.At(AccountsPath.TrimStart('/')),
            TokenUrl = Server.At("oauth/token"),
            ClientId = ClientId,
            ClientSecret = ClientSecret,
        };
        options.Retry.MaxRetries = 0;
        return new BuildingXClient(options);
    }

    /// <summary>Stubs an authenticated JSON:API GET answered with <paramref name="body"/>.</summary>
    public void Get(string title, string path, IReadOnlyDictionary<string, string> query, string body, int status = 200, string? requestId = null, int priority = 10)
    {
        var request = Request.Create().WithPath(path).UsingGet()
            .WithHeader("Authorization", "Bearer " + Token)
            .WithHeader("Accept", "application/vnd.api+json");
        foreach (var (name, value) in query)
        {
            // WireMock splits a comma-separated value (include=a,b) into its items.
            request = request.WithParam(name, value.Split(','));
        }

        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/vnd.api+json").WithBody(body);
        if (requestId is not null)
        {
            response = response.WithHeader("X-Request-Id", requestId);
        }

        Server.Server.Given(request).AtPriority(priority).WithTitle(title).RespondWith(response);
    }

    /// <summary>
    /// Checks that every request to <paramref name="path"/> carried exactly the query parameters of
    /// <paramref name="expected"/> (WireMock's parameter matching alone allows extra ones).
    /// </summary>
    public void AssertExactQuery(string path, params IReadOnlyDictionary<string, string>[] expected)
    {
        var seen = Server.Server.LogEntries
            .Where(e => e.RequestMessage?.Path == path)
            .Select(e =>
            {
                var parsed = HttpUtility.ParseQueryString(e.RequestMessage!.RawQuery ?? string.Empty);
                return parsed.AllKeys.OfType<string>().ToDictionary(k => k, k => parsed[k]!);
            })
            .ToList();
        Assert.Equal(expected.Length, seen.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].OrderBy(p => p.Key, StringComparer.Ordinal), seen[i].OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    public void AssertContract()
    {
        Server.AssertNoUnmatchedRequests();
        Server.AssertAllStubsHit();
    }

    public void Dispose() => Server.Dispose();
}
