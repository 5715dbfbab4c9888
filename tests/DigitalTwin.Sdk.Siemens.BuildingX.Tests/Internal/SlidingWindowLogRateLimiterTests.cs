using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Testing.Time;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Internal;

public sealed class SlidingWindowLogRateLimiterTests
{
    [Fact]
    public async Task Acquire_IsPacedEvenlyAtWindowOverLimit()
    {
        var clock = new ManualTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(4, TimeSpan.FromSeconds(1), 100, clock);

        var waiters = Enumerable.Range(0, 4).Select(_ => limiter.AcquireAsync().AsTask()).ToArray();
        var immediately = waiters.Count(w => w.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(249));
        var before = waiters.Count(w => w.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var at250 = waiters.Count(w => w.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(1, immediately);
        Assert.Equal(1, before);
        Assert.Equal(2, at250);
        foreach (var waiter in waiters)
        {
            Assert.True((await waiter).IsAcquired);
        }
    }

    [Fact]
    public void AttemptAcquire_NeverAllowsMoreThanTheLimitInAnyWindow()
    {
        var clock = new ManualTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(10, TimeSpan.FromSeconds(1), 0, clock);
        var grants = new List<TimeSpan>();

        for (var step = 0; step < 400; step++)
        {
            if (limiter.AttemptAcquire().IsAcquired)
            {
                grants.Add(TimeSpan.FromMilliseconds(step * 10));
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        for (var i = 10; i < grants.Count; i++)
        {
            Assert.True(grants[i] - grants[i - 10] >= TimeSpan.FromSeconds(1));
        }

        Assert.Equal(40, grants.Count);
    }

    [Fact]
    public void AttemptAcquire_LateCallers_DoNotLoseThePace()
    {
        var clock = new ManualTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(10, TimeSpan.FromSeconds(1), 0, clock);
        var granted = 0;

        // Callers arrive 30 ms after each ideal slot; the pace stays 10 per second instead of drifting to 1/130 ms.
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        for (var step = 1; step <= 20; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(step == 1 ? 130 : 100));
            granted += limiter.AttemptAcquire().IsAcquired ? 1 : 0;
        }

        Assert.Equal(20, granted);
    }

    [Fact]
    public async Task Acquire_CancelledWaiter_GivesItsTurnToTheNext()
    {
        var clock = new ManualTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(1, TimeSpan.FromSeconds(1), 10, clock);
        using var cancel = new CancellationTokenSource();
        Assert.True(limiter.AttemptAcquire().IsAcquired);

        var cancelled = limiter.AcquireAsync(1, cancel.Token).AsTask();
        var next = limiter.AcquireAsync().AsTask();
        await cancel.CancelAsync();
        clock.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True((await next).IsAcquired);
    }

    [Fact]
    public async Task Acquire_QueueFull_IsRefused()
    {
        var clock = new ManualTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(1, TimeSpan.FromSeconds(1), 1, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        var queued = limiter.AcquireAsync().AsTask();

        var refused = await limiter.AcquireAsync();

        Assert.False(refused.IsAcquired);
        Assert.False(queued.IsCompleted);
    }
}
