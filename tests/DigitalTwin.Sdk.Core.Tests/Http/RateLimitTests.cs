using System.Diagnostics;
using System.Net;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;

namespace DigitalTwin.Sdk.Core.Tests.Http;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Send_BurstAboveRate_IsSpacedToConfiguredRate()
    {
        var options = new TestOptions { BaseUrl = new Uri("https://rate-a.example.test/") };
        options.RateLimit.PermitsPerSecond = 50;
        var arrivals = new List<long>();
        var handler = new RecordingHandler((_, _, _) =>
        {
            lock (arrivals)
            {
                arrivals.Add(Stopwatch.GetTimestamp());
            }

            return Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}"));
        });
        var runtime = PipelineFixture.Create(options, handler);

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 26).Select(async _ => (await runtime.GetAsync()).Dispose()));
        watch.Stop();

        // 26 requests at 50/s with a burst of 1: the first is immediate, the other 25 wait 20 ms each.
        Assert.InRange(watch.Elapsed.TotalMilliseconds, 450, 3000);
        arrivals.Sort();
        for (var i = 0; i < arrivals.Count; i++)
        {
            // In any 200 ms window 10 permits are due at 50/s; allow 2 more for timer phase and scheduling jitter on a
            // loaded machine. Without the limiter all 26 would start within a few milliseconds.
            var inWindow = arrivals.Count(a => a >= arrivals[i] && Stopwatch.GetElapsedTime(arrivals[i], a).TotalMilliseconds < 200);
            Assert.True(inWindow <= 12, $"{inWindow} requests started within 200 ms");
        }
    }

    [Fact]
    public async Task Send_TwoClientsOfSameApi_ShareOneLimiter()
    {
        var options1 = new TestOptions { BaseUrl = new Uri("https://rate-b.example.test/") };
        var options2 = new TestOptions { BaseUrl = new Uri("https://rate-b.example.test/") };
        options1.RateLimit.PermitsPerSecond = options2.RateLimit.PermitsPerSecond = 40;
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        using var registry = new RateLimiterRegistry();
        var first = PipelineFixture.Create(options1, handler, rateLimiters: registry);
        var second = PipelineFixture.Create(options2, handler, rateLimiters: registry);

        Assert.Same(first.Limiter, second.Limiter);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 21).Select(async i => (await (i % 2 == 0 ? first : second).GetAsync()).Dispose()));

        Assert.True(watch.Elapsed.TotalMilliseconds >= 450, $"20 waits of 25 ms expected, took {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Send_EachRetryAttempt_TakesAFreshPermit()
    {
        var options = new TestOptions { BaseUrl = new Uri("https://rate-c.example.test/") };
        options.RateLimit.PermitsPerSecond = 1000;
        options.Retry.BaseDelay = TimeSpan.Zero;
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(RecordingHandler.Json(call < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(options, handler);
        var before = runtime.Limiter!.GetStatistics()!.TotalSuccessfulLeases;

        using var _ = await runtime.GetAsync();

        Assert.Equal(3, runtime.Limiter.GetStatistics()!.TotalSuccessfulLeases - before);
    }
}
