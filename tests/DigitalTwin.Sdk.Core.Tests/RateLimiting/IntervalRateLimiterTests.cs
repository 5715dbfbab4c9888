using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.TestUtilities;

namespace DigitalTwin.Sdk.Core.Tests.RateLimiting;

public sealed class IntervalRateLimiterTests
{
    [Fact]
    public async Task Acquire_OneAtATime_NextStartsAnIntervalAfterThePreviousFinished()
    {
        var clock = TestTime.CreateClock();
        using var limiter = new IntervalRateLimiter(TimeSpan.FromSeconds(1), 10, clock);

        var first = await limiter.AcquireAsync();
        Assert.True(first.IsAcquired);
        var second = limiter.AcquireAsync().AsTask();

        // The first request takes 5 s: nothing else starts meanwhile, however long it runs.
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        first.Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(second.IsCompleted);
        using var lease = await second;
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task Lease_DisposedTwice_GivesThePermitBackOnce()
    {
        var clock = TestTime.CreateClock();
        using var limiter = new IntervalRateLimiter(TimeSpan.Zero, 10, clock);
        var first = limiter.AttemptAcquire();
        var second = limiter.AcquireAsync().AsTask();
        var third = limiter.AcquireAsync().AsTask();

        first.Dispose();
        first.Dispose();

        Assert.True(second.IsCompleted);
        Assert.False(third.IsCompleted);
        (await second).Dispose();
        Assert.True((await third).IsAcquired);
    }

    [Fact]
    public async Task Waiters_AreServedInOrder_ACancelledOneGivesItsTurnAway_AndTheQueueLimitHolds()
    {
        var clock = TestTime.CreateClock();
        using var limiter = new IntervalRateLimiter(TimeSpan.FromMilliseconds(100), 2, clock);
        var holder = limiter.AttemptAcquire();
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(1, cancel.Token).AsTask();
        var next = limiter.AcquireAsync().AsTask();
        Assert.False((await limiter.AcquireAsync()).IsAcquired); // the queue of two is full

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        holder.Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True((await next).IsAcquired);
        var statistics = limiter.GetStatistics()!;
        Assert.Equal((0, 0, 2, 1), (statistics.CurrentAvailablePermits, statistics.CurrentQueuedCount, statistics.TotalSuccessfulLeases, statistics.TotalFailedLeases));
    }

    [Fact]
    public async Task Dispose_RefusesWaiters_AndALateLeaseDisposalIsHarmless()
    {
        var clock = TestTime.CreateClock();
        var limiter = new IntervalRateLimiter(TimeSpan.FromSeconds(1), 10, clock);
        var holder = limiter.AttemptAcquire();
        var waiter = limiter.AcquireAsync().AsTask();

        limiter.Dispose();
        holder.Dispose();

        Assert.False((await waiter).IsAcquired);
        Assert.Throws<ObjectDisposedException>(() => limiter.AttemptAcquire());
    }

    [Fact]
    public void IdleDuration_IsNullWhileAPermitIsHeldOrTheIntervalRuns()
    {
        var clock = TestTime.CreateClock();
        using var limiter = new IntervalRateLimiter(TimeSpan.FromSeconds(1), 10, clock);
        var lease = limiter.AttemptAcquire();
        Assert.Null(limiter.IdleDuration);

        lease.Dispose();
        Assert.Null(limiter.IdleDuration);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(3), limiter.IdleDuration);
    }
}
