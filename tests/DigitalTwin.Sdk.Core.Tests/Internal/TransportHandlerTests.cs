using System.Net;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;

namespace DigitalTwin.Sdk.Core.Tests.Internal;

public sealed class TransportHandlerTests
{
    [Fact]
    public async Task Send_ThroughCallerHttpClient_EveryRequestReachesItsHandlerWithHeadersAndBody()
    {
        var bodies = new List<string>();
        var headers = new List<string?>();
        var handler = new RecordingHandler(async (request, _, ct) =>
        {
            headers.Add(request.Headers.TryGetValues("x-custom", out var values) ? string.Join(",", values) : null);
            bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(ct));
            return RecordingHandler.Json(HttpStatusCode.OK, "{}");
        });
        using var transport = new HttpClient(handler);
        var runtime = Create(transport);

        using var first = runtime.CreateRequest(HttpMethod.Get, "items", "GetItems");
        first.Headers.TryAddWithoutValidation("x-custom", "one");
        using var firstResponse = await runtime.SendAsync(first, CancellationToken.None);
        using var second = await runtime.PostAsync();

        Assert.Equal(2, handler.Calls);
        Assert.Same(first, firstResponse.RequestMessage);
        Assert.Equal(["one", null], headers);
        Assert.Equal(["", "{\"name\":\"x\"}"], bodies);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer tok-1", r.Authorization));
    }

    [Fact]
    public async Task Send_ThroughCallerHttpClient_RetriesSendTheRequestAgain()
    {
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(call == 1
            ? RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")
            : RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        using var transport = new HttpClient(handler);
        var runtime = Create(transport);

        using var response = await runtime.GetAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task RestClient_ThroughCallerHttpClient_RunsThePipelineAndRetries()
    {
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(call == 1
            ? RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")
            : RecordingHandler.Json(HttpStatusCode.OK, "{\"ok\":true}")));
        using var transport = new HttpClient(handler);
        var runtime = Create(transport);

        using (var rest = runtime.CreateRestClient(new Uri("https://api.example.test/v1/")))
        {
            using var response = await rest.GetAsync(new Uri("items", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("{\"ok\":true}", await response.Content.ReadAsStringAsync());
        }

        // The REST client did not own the pipeline: the runtime's own invoker still works after it is disposed.
        using var again = await runtime.GetAsync();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, handler.Calls);
        Assert.Equal(new Uri("https://api.example.test/v1/items"), handler.Requests.First().Uri);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer tok-1", r.Authorization));
    }

    private static ClientRuntime Create(HttpClient transport)
    {
        var runtime = new ClientRuntime(PipelineFixture.Definition, new TestOptions(), null, null, new Core.RateLimiting.RateLimiterRegistry(), new StaticTokens());
        var client = HttpPipeline.CreateClient(runtime, transport);
        runtime.UseHttpClientFactory(() => client);
        return runtime;
    }
}
