using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.RateLimiting;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Core.Tests.TestUtilities;

internal static class PipelineFixture
{
    public static ClientDefinition Definition { get; } = new("TestApi", "Test API", "DigitalTwin:Test");

    public static ClientRuntime Create(DigitalTwinClientOptions options, HttpMessageHandler primary, TimeProvider? time = null, ITokenProvider? tokens = null, ILoggerFactory? loggerFactory = null, ClientDefinition? definition = null, RateLimiterRegistry? rateLimiters = null)
    {
        var runtime = new ClientRuntime(definition ?? Definition, options, time, loggerFactory, rateLimiters ?? new RateLimiterRegistry(), tokens);
        var client = new HttpClient(HttpPipeline.CreateHandler(runtime, primary, authenticate: true, rateLimit: true)) { Timeout = Timeout.InfiniteTimeSpan };
        runtime.UseHttpClientFactory(() => client);
        return runtime;
    }

    public static Task<HttpResponseMessage> GetAsync(this ClientRuntime runtime, string path = "items", CancellationToken ct = default) =>
        runtime.SendAsync(runtime.CreateRequest(HttpMethod.Get, path, "GetItems"), ct);

    public static Task<HttpResponseMessage> PostAsync(this ClientRuntime runtime, bool idempotent = false, CancellationToken ct = default)
    {
        var request = runtime.CreateRequest(HttpMethod.Post, "items", "CreateItem");
        request.Content = new StringContent("{\"name\":\"x\"}", System.Text.Encoding.UTF8, "application/json");
        if (idempotent)
        {
            request.MarkIdempotent();
        }

        return runtime.SendAsync(request, ct);
    }
}

internal sealed class StaticTokens(string value = "tok-1") : ITokenProvider
{
    private int _version = 1;
    private AccessToken _current = Make(value);

    public int Invalidations { get; private set; }

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => new(_current);

    public void Invalidate(AccessToken token)
    {
        if (ReferenceEquals(token, _current))
        {
            Invalidations++;
            _version++;
            _current = Make($"tok-{_version}");
        }
    }

    private static AccessToken Make(string v) => new(v, DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow);
}
