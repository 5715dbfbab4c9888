using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Testing.Time;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Internal;

public sealed class SlidingWindowLogRateLimiterTests
{
    [Fact]
    public async Task Acquire_BeyondLimit_WaitsUntilTheOldestGrantLeavesTheWindow()
    {
        var clock = new ManualTimeProvider();
        using var limiter = new SlidingWindowLogRateLimiter(3, TimeSpan.FromSeconds(1), 100, clock);

        var first = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync().AsTask()).ToArray();
        clock.Advance(TimeSpan.FromMilliseconds(400));
        var fourth = limiter.AcquireAsync().AsTask();
        var fifth = limiter.AcquireAsync().AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(599));
        var waitingBefore = fourth.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.All(first, t => Assert.True(t.Result.IsAcquired));
        Assert.False(waitingBefore);
        Assert.True((await fourth).IsAcquired);
        Assert.True((await fifth).IsAcquired);
        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
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
