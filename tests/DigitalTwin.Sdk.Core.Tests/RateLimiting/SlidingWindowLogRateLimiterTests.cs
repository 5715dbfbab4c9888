using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Core.Tests.RateLimiting;

public sealed class SlidingWindowLogRateLimiterTests
{
    [Fact]
    public async Task Dispose_RefusesWaitersAndLaterAcquisitions_StatisticsCountGrantsAndRefusals()
    {
        var clock = TestTime.CreateClock();
        var limiter = new SlidingWindowLogRateLimiter(1, TimeSpan.FromSeconds(1), 1, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        var waiter = limiter.AcquireAsync().AsTask();
        Assert.False((await limiter.AcquireAsync()).IsAcquired); // the queue of one is full
        Assert.Null(limiter.IdleDuration);
        var statistics = limiter.GetStatistics()!;
        Assert.Equal((0, 1, 1, 2), (statistics.CurrentAvailablePermits, statistics.CurrentQueuedCount, statistics.TotalSuccessfulLeases, statistics.TotalFailedLeases));

        limiter.Dispose();

        Assert.False((await waiter).IsAcquired);
        Assert.Throws<ObjectDisposedException>(() => limiter.AttemptAcquire());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => limiter.AcquireAsync().AsTask());
    }

    [Fact]
    public void IdleDuration_CountsFromTheLastGrantOnceTheLogIsEmpty()
    {
        var clock = TestTime.CreateClock();
        using var limiter = new SlidingWindowLogRateLimiter(2, TimeSpan.FromSeconds(1), 10, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Null(limiter.IdleDuration);
        clock.Advance(TimeSpan.FromMilliseconds(501));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), limiter.IdleDuration);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Acquire_IsPacedEvenlyAtWindowOverLimit(bool afterAnIdleSpell)
    {
        var clock = TestTime.CreateClock();
        using var limiter = new SlidingWindowLogRateLimiter(4, TimeSpan.FromSeconds(1), 100, clock);
        if (afterAnIdleSpell)
        {
            // Slots nobody waited for are not caught up: a burst after five idle seconds is paced like the first one.
            Assert.True(limiter.AttemptAcquire().IsAcquired);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

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
        var clock = TestTime.CreateClock();
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
        var clock = TestTime.CreateClock();
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

    [Theory]
    [InlineData("late", 1)]
    [InlineData("late", 2)]
    [InlineData("late", 3)]
    [InlineData("stalled", 1)]
    [InlineData("stalled", 2)]
    [InlineData("stalled", 3)]
    public async Task Acquire_LateOrStalledTimer_KeepsThePaceAndTheWindow(string timer, int seed)
    {
        // "late": every tick comes 0–40 ms late, as on a busy machine; lateness must not add up along the window, so 200
        // queued callers finish within 80 ms of the ideal 199 × 105 ms.
        // "stalled": one tick in twenty stalls 200–500 ms (a starved thread pool, a paused process), the others are
        // 0–15 ms late. Restarting the schedule after each stall finished these seeds at 21.9–23.7 s; catching up the
        // missed slots keeps the finish within one stall (500 ms) of the ideal.
        // Either way any 11 grants still span at least window − interval / 4.
        var random = new Random(seed);
        var (lateness, slack) = timer == "late"
            ? ((Func<TimeSpan>)(() => TimeSpan.FromMilliseconds(random.Next(41))), 80)
            : (() => TimeSpan.FromMilliseconds(random.NextDouble() < 0.05 ? 200 + random.Next(301) : random.Next(16)), 500);

        var times = await GrantTimesAsync(lateness);

        Assert.True(times[^1] <= TimeSpan.FromMilliseconds((199 * 105) + slack), $"{timer} timer, seed {seed}: last grant at {times[^1].TotalMilliseconds} ms");
        for (var i = 10; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 10] >= TimeSpan.FromMilliseconds(1050 - 27), $"{timer} timer, seed {seed}: grants {i - 10} and {i} are {(times[i] - times[i - 10]).TotalMilliseconds} ms apart");
        }
    }

    [Fact]
    public async Task Acquire_CancelledWaiter_GivesItsTurnToTheNext()
    {
        var clock = TestTime.CreateClock();
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
        var clock = TestTime.CreateClock();
        using var limiter = new SlidingWindowLogRateLimiter(1, TimeSpan.FromSeconds(1), 1, clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        var queued = limiter.AcquireAsync().AsTask();

        var refused = await limiter.AcquireAsync();

        Assert.False(refused.IsAcquired);
        Assert.False(queued.IsCompleted);
    }

    /// <summary>Queues 200 callers on a 10 per 1,050 ms limiter whose timers fire late by <paramref name="lateness"/> and returns the sorted grant times.</summary>
    private static async Task<List<TimeSpan>> GrantTimesAsync(Func<TimeSpan> lateness)
    {
        var clock = TestTime.CreateClock();
        using var limiter = new SlidingWindowLogRateLimiter(10, TimeSpan.FromMilliseconds(1050), 1000, new LateTimerTimeProvider(clock, lateness));
        var waiters = Enumerable.Range(0, 200).Select(_ => limiter.AcquireAsync().AsTask()).ToList();
        var grantedAt = new TimeSpan?[waiters.Count];
        var elapsed = TimeSpan.Zero;

        while (grantedAt.Any(t => t is null) && elapsed < TimeSpan.FromSeconds(30))
        {
            for (var i = 0; i < waiters.Count; i++)
            {
                if (grantedAt[i] is null && waiters[i].IsCompletedSuccessfully)
                {
                    Assert.True((await waiters[i]).IsAcquired);
                    grantedAt[i] = elapsed;
                }
            }

            clock.Advance(TimeSpan.FromMilliseconds(1));
            elapsed += TimeSpan.FromMilliseconds(1);
        }

        return grantedAt.Select(t => t ?? TimeSpan.MaxValue).Order().ToList();
    }

    /// <summary>A clock whose timers fire late by what <c>lateness</c> says each time one is set.</summary>
    private sealed class LateTimerTimeProvider(FakeTimeProvider clock, Func<TimeSpan> lateness) : TimeProvider
    {
        public override long TimestampFrequency => clock.TimestampFrequency;

        public override long GetTimestamp() => clock.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new LateTimer(this, clock.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            timer.Change(dueTime, period);
            return timer;
        }

        private TimeSpan Late(TimeSpan dueTime) => dueTime == Timeout.InfiniteTimeSpan ? dueTime : dueTime + lateness();

        private sealed class LateTimer(LateTimerTimeProvider owner, ITimer inner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Late(dueTime), period);

            public void Dispose() => inner.Dispose();

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
