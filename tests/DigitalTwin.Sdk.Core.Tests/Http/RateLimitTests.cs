using System.Net;
using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;
using DigitalTwin.Sdk.TestUtilities;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Core.Tests.Http;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Send_BurstAboveRate_IsSpacedToConfiguredRate()
    {
        var options = new TestOptions { BaseUrl = new Uri("https://rate-a.example.test/") };
        options.RateLimit.PermitsPerSecond = 50;
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        var time = new TrackingFakeTimeProvider();
        var runtime = PipelineFixture.Create(options, handler, time);

        var calls = Enumerable.Range(0, 26).Select(async _ => (await runtime.GetAsync()).Dispose()).ToList();

        // 50/s with a burst of 1: one permit now, then one per 20 ms of the (frozen) clock.
        await ReleasesOnePermitPerStepAsync(time, runtime.Limiter!, handler, requests: 26, TimeSpan.FromMilliseconds(20));
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Send_TwoClientsOfSameApi_ShareOneLimiter()
    {
        var options1 = new TestOptions { BaseUrl = new Uri("https://rate-b.example.test/") };
        var options2 = new TestOptions { BaseUrl = new Uri("https://rate-b.example.test/") };
        options1.RateLimit.PermitsPerSecond = options2.RateLimit.PermitsPerSecond = 40;
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        var time = new TrackingFakeTimeProvider();
        using var registry = new RateLimiterRegistry();
        var first = PipelineFixture.Create(options1, handler, time, rateLimiters: registry);
        var second = PipelineFixture.Create(options2, handler, time, rateLimiters: registry);

        Assert.Same(first.Limiter, second.Limiter);
        var calls = Enumerable.Range(0, 21).Select(async i => (await (i % 2 == 0 ? first : second).GetAsync()).Dispose()).ToList();

        // Two limiters would let one call of each client through at once; the shared one lets one per 25 ms in all.
        await ReleasesOnePermitPerStepAsync(time, first.Limiter!, handler, requests: 21, TimeSpan.FromMilliseconds(25));
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));
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

    /// <summary>
    /// With the clock frozen, exactly one request has passed and the rest wait in the limiter; each advance by one
    /// replenishment period lets exactly one more through.
    /// </summary>
    private static async Task ReleasesOnePermitPerStepAsync(TrackingFakeTimeProvider time, RateLimiter limiter, RecordingHandler handler, int requests, TimeSpan period)
    {
        for (var passed = 1; passed <= requests; passed++)
        {
            if (passed > 1)
            {
                time.Advance(period);
            }

            var waiting = requests - passed;
            await WaitUntilAsync($"{passed} sent, {waiting} waiting for a permit", () => handler.Calls == passed && limiter.GetStatistics()!.CurrentQueuedCount == waiting, TimeSpan.FromSeconds(20));

            // Nothing else can pass until the clock moves: no permit is left and the rest are queued.
            Assert.Equal(passed, handler.Calls);
            Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);
        }
    }
}
