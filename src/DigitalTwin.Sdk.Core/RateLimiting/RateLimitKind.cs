namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>How a client-side limiter spends a quota.</summary>
public enum RateLimitKind
{
    /// <summary>
    /// A token bucket: <see cref="RateLimitQuota.PermitLimit"/> permits per <see cref="RateLimitQuota.Window"/> on
    /// average, up to <see cref="RateLimitQuota.Burst"/> at once after an idle spell.
    /// </summary>
    TokenBucket,

    /// <summary>
    /// A sliding log: never more than <see cref="RateLimitQuota.PermitLimit"/> grants in any window of
    /// <see cref="RateLimitQuota.Window"/>, paced evenly (for services that count requests per second strictly).
    /// </summary>
    SlidingWindow,

    /// <summary>
    /// One request at a time, the next starting no sooner than <see cref="RateLimitQuota.Window"/> after the previous
    /// one finished (the permit is held until the answer; for services that space calls from completion).
    /// </summary>
    Interval,
}
