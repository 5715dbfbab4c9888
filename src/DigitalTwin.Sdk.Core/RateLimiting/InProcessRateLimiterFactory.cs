using System.Threading.RateLimiting;

namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>Creates in-process limiters: one process spends the whole quota.</summary>
public sealed class InProcessRateLimiterFactory : IRateLimiterFactory
{
    /// <summary>Gets the instance.</summary>
    public static InProcessRateLimiterFactory Instance { get; } = new();

    /// <inheritdoc/>
    public RateLimiter Create(RateLimitQuota quota, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return quota.Kind switch
        {
            RateLimitKind.SlidingWindow => new SlidingWindowLogRateLimiter(quota.PermitLimit, quota.Window, quota.QueueLimit, timeProvider),
            RateLimitKind.Interval => new IntervalRateLimiter(quota.Window, quota.QueueLimit, timeProvider),

            // One token every Window / PermitLimit; a bucket of Burst tokens. Timer-driven replenishment keeps waiting
            // requests flowing without callers polling; the timer is the client's TimeProvider.
            _ => new TimeProviderTokenBucketRateLimiter(
                Math.Max(1, quota.Burst),
                TimeSpan.FromTicks(Math.Max(1, quota.Window.Ticks / quota.PermitLimit)),
                quota.QueueLimit,
                timeProvider),
        };
    }
}
