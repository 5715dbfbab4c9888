using System.Threading.RateLimiting;

namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>: a bucket of <c>tokenLimit</c> tokens, one token added per
/// <c>period</c> (whole periods, the remainder carried over), waiting callers served first-come first-served.
/// </summary>
/// <remarks>
/// The framework's <see cref="TokenBucketRateLimiter"/> reads <c>Stopwatch</c> and a system timer whatever the client's
/// clock, so it cannot follow the client's <see cref="TimeProvider"/> (a fake clock in tests). Same grant rules as the
/// framework's limiter with <see cref="QueueProcessingOrder.OldestFirst"/>; the queue, the timer and disposal are
/// <see cref="ScheduledRateLimiter"/>'s. Thread-safe.
/// </remarks>
internal sealed class TimeProviderTokenBucketRateLimiter : ScheduledRateLimiter
{
    private readonly int _tokenLimit;
    private readonly long _periodTicks;
    private int _tokens;
    private long _stamp;

    /// <summary>Initializes a full bucket.</summary>
    /// <param name="tokenLimit">Bucket size (the burst); at least 1.</param>
    /// <param name="period">Time for one token; above zero.</param>
    /// <param name="queueLimit">How many callers may wait.</param>
    /// <param name="time">The clock.</param>
    public TimeProviderTokenBucketRateLimiter(int tokenLimit, TimeSpan period, int queueLimit, TimeProvider time)
        : base(queueLimit, time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _tokenLimit = tokenLimit;
        _periodTicks = Math.Max(1, (long)(period.TotalSeconds * time.TimestampFrequency));
        _tokens = tokenLimit;
        _stamp = time.GetTimestamp();
    }

    protected override bool HasPermit(long now)
    {
        Refill(now);
        return _tokens > 0;
    }

    protected override void Take(long now, bool toWaiter) => _tokens--;

    // The next token comes at the end of the current period.
    protected override TimeSpan NextPermitDue(long now) => Time.GetElapsedTime(now, _stamp + _periodTicks);

    protected override int AvailablePermits(long now)
    {
        Refill(now);
        return _tokens;
    }

    protected override bool IsAtRest(long now)
    {
        Refill(now);
        return _tokens == _tokenLimit;
    }

    /// <summary>Adds one token per whole period since the last refill; the remainder of a period carries over.</summary>
    private void Refill(long now)
    {
        var periods = (now - _stamp) / _periodTicks;
        if (periods <= 0)
        {
            return;
        }

        _stamp += periods * _periodTicks;
        _tokens = (int)Math.Min(_tokenLimit, _tokens + periods);
    }
}
