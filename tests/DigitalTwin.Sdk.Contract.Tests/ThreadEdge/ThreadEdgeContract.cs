using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DigitalTwin.Sdk.Contract.Tests.ThreadEdge;

/// <summary>
/// Stubs for the THREAD edge REST API built from shared/vendor-docs/bentley-itwin-iot-api.txt, section "iTwin IoT Edge
/// REST API" ([IOT-EDGE]): the curl lines fix method, path and query; the "Example Body" and "Response" blocks fix the
/// JSON. "All REST API requests and responses use the Content-Type application/json".
/// </summary>
internal static class ThreadEdgeContract
{
    /// <summary>Stubs one request, its JSON body matched exactly (whitespace aside) when given, answering <paramref name="response"/>.</summary>
    public static void Stub(ContractServer server, string method, string path, string? body = null, string? response = null, params (string Name, string Value)[] query)
    {
        var request = Request.Create().WithPath(path).UsingMethod(method);
        foreach (var (name, value) in query)
        {
            request = request.WithParam(name, new ExactMatcher(value));
        }

        if (body is not null)
        {
            request = request.WithHeader("Content-Type", new WildcardMatcher("application/json*")).WithBody(new JsonMatcher(body));
        }

        var answer = Response.Create().WithStatusCode(200);
        if (response is not null)
        {
            answer = answer.WithHeader("Content-Type", "application/json").WithBody(response);
        }

        server.Server.Given(request).WithTitle($"{method} {path}").RespondWith(answer);
    }

    /// <summary>A client of the stub server; <paramref name="hardwareVersion"/> avoids the <c>GET /api/hardware</c> lookup.</summary>
    public static ThreadEdgeClient CreateClient(ContractServer server, string? hardwareVersion = "V12") =>
        new(new ThreadEdgeOptions { BaseUrl = server.BaseUri, HardwareVersion = hardwareVersion });

    /// <summary>Both contract checks of the server.</summary>
    public static void AssertContract(ContractServer server)
    {
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }
}
