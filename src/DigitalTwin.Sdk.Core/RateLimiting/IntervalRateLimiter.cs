namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// Lets one request at a time through and starts the next one no sooner than <c>interval</c> after the previous one
/// finished (its lease was disposed). Spacing from completion (not from the previous start) keeps arrivals at the
/// service at least <c>interval</c> apart whatever the latency, which a token bucket does not (two requests can pass
/// around a replenish tick).
/// </summary>
/// <remarks>
/// The queue (first-come first-served, up to a queue limit), the timer on the client's <see cref="TimeProvider"/>,
/// cancellation and disposal are <see cref="ScheduledRateLimiter"/>'s. Thread-safe.
/// </remarks>
internal sealed class IntervalRateLimiter : ScheduledRateLimiter
{
    private readonly long _interval;
    private bool _inFlight;
    private long _next;
    private bool _started;

    public IntervalRateLimiter(TimeSpan interval, int queueLimit, TimeProvider time)
        : base(queueLimit, time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        _interval = TicksOf(interval);
    }

    protected override bool LeaseHoldsPermit => true;

    protected override bool HasPermit(long now) => !_inFlight && (!_started || now >= _next);

    protected override void Take(long now, bool toWaiter) => _inFlight = true;

    protected override void Return(long now)
    {
        _inFlight = false;
        _started = true;
        _next = now + _interval;
    }

    protected override TimeSpan NextPermitDue(long now) =>
        _inFlight ? Timeout.InfiniteTimeSpan : !_started || now >= _next ? TimeSpan.Zero : Time.GetElapsedTime(now, _next);

    protected override int AvailablePermits(long now) => HasPermit(now) ? 1 : 0;

    protected override bool IsAtRest(long now) => HasPermit(now);
}
