using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Redis.Internal;
using StackExchange.Redis;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Redis.Tests;

/// <summary>
/// The shared limiters against a real redis-server. Each factory has its own connection, as a separate process would;
/// grant times are read from the limiter's own log in Redis (Redis's clock, the one the limiters share).
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisRateLimiterTests(RedisFixture redis) : RedisTestBase(redis)
{
    [Fact]
    public async Task SlidingWindow_TwoProcessesOnOneQuota_NeverMoreThanTheLimitInAnyWindow()
    {
        var quota = new RateLimitQuota("bx|test-sliding|" + Guid.NewGuid(), RateLimitKind.SlidingWindow, 4, TimeSpan.FromMilliseconds(400)) { QueueLimit = 100 };
        var a = (RedisRateLimiter)Factory().Create(quota, TimeProvider.System);
        var b = (RedisRateLimiter)Factory().Create(quota, TimeProvider.System);
        var log = a.Keys[0];
        var grants = new Dictionary<string, double>();
        var started = await RedisMicrosecondsAsync();
        var calls = Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? a : b).AcquireAsync().AsTask()).ToArray();

        // Every grant stays in the log for at least one window (400 ms): polling it every few milliseconds sees them all,
        // unless the machine stalls the poller that long; the span check below holds for any subset too.
        void Collect()
        {
            foreach (var entry in Observer.GetDatabase().SortedSetRangeByRankWithScores(log))
            {
                grants[entry.Element!] = entry.Score;
            }
        }

        await WaitUntilAsync(() =>
        {
            var done = calls.All(c => c.IsCompleted);
            Collect();
            return done;
        }, what: "24 calls granted");

        Assert.All(await Task.WhenAll(calls), lease => Assert.True(lease.IsAcquired));
        var finished = await RedisMicrosecondsAsync();

        // 24 grants at 4 per 400 ms need at least 5 full windows on Redis's clock, however they were observed.
        Assert.True(finished - started >= 2_000_000, $"24 grants took {(finished - started) / 1000:0} ms on Redis's clock");
        var times = grants.Values.Order().ToArray();
        for (var i = 4; i < times.Length; i++)
        {
            // Any five grants span more than the window (microseconds on Redis's clock).
            Assert.True(times[i] - times[i - 4] >= 400_000, $"grants {i - 4}..{i} fell within {(times[i] - times[i - 4]) / 1000:0.0} ms");
        }

        // Both processes were served (one queue in Redis, not two private quotas).
        Assert.InRange(grants.Count, 20, 24);
        Assert.Contains(grants.Keys, k => k.StartsWith(Instance(a), StringComparison.Ordinal));
        Assert.Contains(grants.Keys, k => k.StartsWith(Instance(b), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenBucket_WaitersQueue_ACancelledOneLeaves_AndTheQueueLimitRefuses()
    {
        var quota = new RateLimitQuota("tb|" + Guid.NewGuid(), RateLimitKind.TokenBucket, 1, TimeSpan.FromSeconds(30)) { QueueLimit = 2 };
        var limiter = Factory().Create(quota, TimeProvider.System);

        using var first = await limiter.AcquireAsync();
        Assert.True(first.IsAcquired);
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(1, cancel.Token).AsTask();
        var waiting = limiter.AcquireAsync().AsTask();
        var refused = await limiter.AcquireAsync();

        Assert.False(refused.IsAcquired);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);

        limiter.Dispose();
        Assert.False((await waiting).IsAcquired);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => limiter.AcquireAsync().AsTask());
    }

    [Fact]
    public async Task Interval_APermitHeldInOneProcessBlocksTheOther_UntilGivenBack()
    {
        var quota = new RateLimitQuota("ingest|" + Guid.NewGuid(), RateLimitKind.Interval, 1, TimeSpan.FromMilliseconds(100));
        var a = Factory().Create(quota, TimeProvider.System);
        var b = Factory().Create(quota, TimeProvider.System);

        var held = await a.AcquireAsync();
        Assert.True(held.IsAcquired);
        var next = b.AcquireAsync().AsTask();
        await WaitUntilAsync(() => b.GetStatistics()!.CurrentQueuedCount == 1 && !next.IsCompleted, what: "the other process waits");

        held.Dispose();
        using var lease = await next.WaitAsync(DefaultTimeout);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task Interval_AHolderThatNeverGivesBack_IsOvertakenAfterTheLongestHold()
    {
        var quota = new RateLimitQuota("ingest|" + Guid.NewGuid(), RateLimitKind.Interval, 1, TimeSpan.FromMilliseconds(10));
        var crashed = Factory(o => o.MaxPermitHold = TimeSpan.FromMilliseconds(300)).Create(quota, TimeProvider.System);
        var survivor = Factory().Create(quota, TimeProvider.System);

        var neverReturned = await crashed.AcquireAsync();
        Assert.True(neverReturned.IsAcquired);

        using var lease = await survivor.AcquireAsync().AsTask().WaitAsync(DefaultTimeout);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task ForeignData_UnderTheKeys_IsResetNotTrusted_AndLogged()
    {
        var logger = new CapturingLogger();
        var quota = new RateLimitQuota("foreign|" + Guid.NewGuid(), RateLimitKind.SlidingWindow, 2, TimeSpan.FromSeconds(1));
        var limiter = (RedisRateLimiter)Factory(loggerFactory: logger).Create(quota, TimeProvider.System);
        var db = Observer.GetDatabase();
        await db.HashSetAsync(limiter.Keys[0], "not", "a log");
        await db.StringSetAsync(limiter.Keys[1], "9e30");

        using var lease = await limiter.AcquireAsync().AsTask().WaitAsync(DefaultTimeout);

        Assert.True(lease.IsAcquired);
        Assert.Equal(RedisType.SortedSet, await db.KeyTypeAsync(limiter.Keys[0]));
        Assert.Contains(logger.Lines, l => l.Message.Contains("did not write", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_AreAHashOfTheQuota_NeverItsText()
    {
        var quota = new RateLimitQuota("Building X|https://api.example/|client-id-1234", RateLimitKind.SlidingWindow, 10, TimeSpan.FromSeconds(1));
        var limiter = (RedisRateLimiter)Factory().Create(quota, TimeProvider.System);

        Assert.All(limiter.Keys, k =>
        {
            Assert.StartsWith("dtsdk:rl:", k.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("client-id-1234", k.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("example", k.ToString(), StringComparison.Ordinal);
        });
    }

    private async Task<double> RedisMicrosecondsAsync()
    {
        var time = (RedisValue[])(await Observer.GetDatabase().ExecuteAsync("TIME"))!;
        return ((double)time[0] * 1_000_000) + (double)time[1];
    }

    private static string Instance(RedisRateLimiter limiter) =>
        (string)typeof(RedisRateLimiter).GetField("_instance", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(limiter)!;

    private RedisRateLimiterFactory Factory(Action<RedisScaleOutOptions>? configure = null, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) =>
        Own(new RedisRateLimiterFactory(Options(configure), loggerFactory));
}
