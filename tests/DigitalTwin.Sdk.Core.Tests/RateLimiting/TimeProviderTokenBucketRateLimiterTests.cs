using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.TestUtilities;

namespace DigitalTwin.Sdk.Core.Tests.RateLimiting;

public sealed class TimeProviderTokenBucketRateLimiterTests
{
    [Fact]
    public void AttemptAcquire_BurstThenOneTokenPerWholePeriod()
    {
        var clock = TestTime.CreateClock();
        using var limiter = new TimeProviderTokenBucketRateLimiter(2, TimeSpan.FromMilliseconds(100), 10, clock);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        // An idle spell fills the bucket up to its size, no further.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
        Assert.Equal(3, limiter.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(3, limiter.GetStatistics()!.TotalFailedLeases);
    }

    [Fact]
    public async Task AcquireAsync_WaitersAreServedInOrderOnePerPeriod()
    {
        var clock = TestTime.CreateClock();
        using var limiter = new TimeProviderTokenBucketRateLimiter(1, TimeSpan.FromMilliseconds(100), 10, clock);

        var waiters = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync().AsTask()).ToArray();
        var immediately = waiters.Count(w => w.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(99));
        var before = waiters.Count(w => w.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var at100 = waiters.Count(w => w.IsCompleted);
        var secondAt100 = waiters[1].IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(1, immediately);
        Assert.Equal(1, before);
        Assert.Equal(2, at100);
        Assert.True(secondAt100, "waiters are served in arrival order");
        foreach (var waiter in waiters)
        {
            Assert.True((await waiter).IsAcquired);
        }
    }

    [Fact]
    public async Task AcquireAsync_QueueFull_IsRefusedAndCancelledWaiterGivesItsTurnAway()
    {
        var clock = TestTime.CreateClock();
        using var limiter = new TimeProviderTokenBucketRateLimiter(1, TimeSpan.FromMilliseconds(100), 2, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var cts = new CancellationTokenSource();

        var cancelled = limiter.AcquireAsync(1, cts.Token).AsTask();
        var next = limiter.AcquireAsync().AsTask();
        var refused = await limiter.AcquireAsync();
        await cts.CancelAsync();
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.False(refused.IsAcquired);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True((await next).IsAcquired);
    }

    [Fact]
    public async Task Dispose_RefusesWaitersAndLaterAcquisitions()
    {
        var clock = TestTime.CreateClock();
        var limiter = new TimeProviderTokenBucketRateLimiter(1, TimeSpan.FromMilliseconds(100), 2, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        var waiter = limiter.AcquireAsync().AsTask();

        limiter.Dispose();

        Assert.False((await waiter).IsAcquired);
        Assert.Throws<ObjectDisposedException>(() => limiter.AttemptAcquire());
    }
}
