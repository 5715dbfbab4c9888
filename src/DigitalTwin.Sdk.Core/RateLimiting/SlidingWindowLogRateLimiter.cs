namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// Grants at most <c>limit</c> permits in any window of length <c>window</c> (a sliding log of grant times), paced
/// evenly at one per <c>window / limit</c>, waiting callers served first-come first-served. A grant up to a quarter
/// interval late is logged at its slot, so any <c>limit + 1</c> grants span at least <c>window - interval / 4</c>.
/// Waiting callers catch up slots a stalled timer missed, as far as the log allows.
/// </summary>
/// <remarks>
/// A token bucket cannot guarantee the hard bound: after an idle moment it grants one request just before a
/// replenishment tick and the next right at the tick, so 11 requests can fall inside one second at a nominal 10/s.
/// Building X counts 10 requests per second and API, so the client keeps a log of grants for the bound. Pacing on an
/// ideal schedule (late timer ticks do not add up, slots a stalled timer missed are caught up) spreads the requests so
/// a burst does not open many connections at once, whose uneven set-up times would bunch up arrivals at the service.
/// The queue, the timer and disposal are <see cref="ScheduledRateLimiter"/>'s. Thread-safe.
/// </remarks>
internal sealed class SlidingWindowLogRateLimiter : ScheduledRateLimiter
{
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _lateTolerance;
    private readonly Queue<long> _grants = new();
    private long _nextSlot;

    public SlidingWindowLogRateLimiter(int limit, TimeSpan window, int queueLimit, TimeProvider time)
        : base(queueLimit, time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _limit = limit;
        _window = window;
        _interval = window / limit;
        _lateTolerance = _interval / 4;
        _nextSlot = time.GetTimestamp();
    }

    protected override bool HasPermit(long now)
    {
        Prune(now);
        return _grants.Count < _limit && now >= _nextSlot;
    }

    protected override void Take(long now, bool toWaiter)
    {
        // A grant a little behind its slot (a late timer tick) is logged at the slot, so the lateness does not carry
        // over to the grant one window later and add up along the log; a later grant is logged a quarter interval
        // before now. Either way a grant is logged at most a quarter interval early, so any two grants that are
        // `limit` apart still start at least window - interval / 4 apart.
        var behind = Time.GetElapsedTime(_nextSlot, now);
        _grants.Enqueue(behind > _lateTolerance ? now - TicksOf(_lateTolerance) : _nextSlot);

        // The next slot follows the ideal schedule. While callers wait, a stalled timer (a busy thread pool, a paused
        // process) leaves the schedule behind and the waiters catch up as fast as the log allows, up to one window's
        // worth; without waiters the limiter was idle, so a schedule more than a slot behind restarts from now.
        var from = toWaiter ? Math.Max(_nextSlot, now - TicksOf(_window)) : behind > _interval ? now : _nextSlot;
        _nextSlot = from + TicksOf(_interval);
    }

    protected override TimeSpan NextPermitDue(long now)
    {
        Prune(now);
        var due = _grants.Count < _limit ? TimeSpan.Zero : _window - Time.GetElapsedTime(_grants.Peek(), now);
        var slot = now >= _nextSlot ? TimeSpan.Zero : Time.GetElapsedTime(now, _nextSlot);
        return slot > due ? slot : due;
    }

    protected override int AvailablePermits(long now)
    {
        Prune(now);
        return _limit - _grants.Count;
    }

    protected override bool IsAtRest(long now)
    {
        Prune(now);
        return _grants.Count == 0;
    }

    private void Prune(long now)
    {
        while (_grants.Count > 0 && Time.GetElapsedTime(_grants.Peek(), now) >= _window)
        {
            _grants.Dequeue();
        }
    }
}
