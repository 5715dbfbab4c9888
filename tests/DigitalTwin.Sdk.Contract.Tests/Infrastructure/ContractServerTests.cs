using System.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DigitalTwin.Sdk.Contract.Tests.Infrastructure;

/// <summary>The contract server's own checks catch a request no stub matched and a stub nobody called.</summary>
[Trait("Category", "Contract")]
public sealed class ContractServerTests
{
    [Fact]
    public async Task AssertNoUnmatchedRequests_RequestOffTheStub_FailsNamingIt()
    {
        using var server = new ContractServer();
        server.Server.Given(Request.Create().WithPath("/api/v1/sites").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var miss = await http.GetAsync(new Uri("api/v1/site", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(server.AssertNoUnmatchedRequests);
        Assert.Contains("GET /api/v1/site", failure.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(server.AssertAllStubsHit);
    }

    [Fact]
    public async Task Asserts_RequestOnTheStub_Pass()
    {
        using var server = new ContractServer();
        server.Server.Given(Request.Create().WithPath("/api/v1/sites").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var hit = await http.GetAsync(new Uri("api/v1/sites", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }
}
