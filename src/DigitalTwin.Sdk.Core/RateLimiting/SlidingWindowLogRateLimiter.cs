using System.Threading.RateLimiting;

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
/// Thread-safe.
/// </remarks>
internal sealed class SlidingWindowLogRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly int _queueLimit;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _lateTolerance;
    private readonly Queue<long> _grants = new();
    private readonly Queue<TaskCompletionSource<RateLimitLease>> _waiters = new();
    private readonly ITimer _timer;
    private readonly object _gate = new();
    private long _idleSince;
    private long _nextSlot;
    private bool _disposed;

    public SlidingWindowLogRateLimiter(int limit, TimeSpan window, int queueLimit, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _limit = limit;
        _window = window;
        _queueLimit = queueLimit;
        _time = time;
        _interval = window / limit;
        _lateTolerance = _interval / 4;
        _idleSince = time.GetTimestamp();
        _nextSlot = _idleSince;
        _timer = time.CreateTimer(static state => ((SlidingWindowLogRateLimiter)state!).ServeWaiters(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count == 0 ? _time.GetElapsedTime(_idleSince) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Prune(_time.GetTimestamp());
            return new RateLimiterStatistics { CurrentAvailablePermits = _limit - _grants.Count, CurrentQueuedCount = _waiters.Count };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckCount(permitCount);
        lock (_gate)
        {
            return TryGrantNow(permitCount) ? Granted : Refused;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckCount(permitCount);
        TaskCompletionSource<RateLimitLease> waiter;
        lock (_gate)
        {
            if (TryGrantNow(permitCount))
            {
                return new ValueTask<RateLimitLease>(Granted);
            }

            if (_disposed || _waiters.Count >= _queueLimit)
            {
                return new ValueTask<RateLimitLease>(Refused);
            }

            waiter = new TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            ScheduleLocked(_time.GetTimestamp());
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(static (state, token) => ((TaskCompletionSource<RateLimitLease>)state!).TrySetCanceled(token), waiter);
            _ = waiter.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return new ValueTask<RateLimitLease>(waiter.Task);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                _disposed = true;
                while (_waiters.TryDequeue(out var waiter))
                {
                    waiter.TrySetResult(Refused);
                }
            }

            _timer.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void CheckCount(int permitCount) =>
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1, nameof(permitCount));

    private bool TryGrantNow(int permitCount)
    {
        var now = _time.GetTimestamp();
        Prune(now);
        if (_disposed || _waiters.Count > 0 || !MayGrant(now))
        {
            return false;
        }

        if (permitCount > 0)
        {
            Grant(now, catchUp: false);
        }

        return true;
    }

    private bool MayGrant(long now) => _grants.Count < _limit && now >= _nextSlot;

    private void Grant(long now, bool catchUp)
    {
        // A grant a little behind its slot (a late timer tick) is logged at the slot, so the lateness does not carry
        // over to the grant one window later and add up along the log; a later grant is logged a quarter interval
        // before now. Either way a grant is logged at most a quarter interval early, so any two grants that are
        // `limit` apart still start at least window - interval / 4 apart.
        var behind = _time.GetElapsedTime(_nextSlot, now);
        _grants.Enqueue(behind > _lateTolerance ? now - TicksOf(_lateTolerance) : _nextSlot);

        // The next slot follows the ideal schedule. While callers wait, a stalled timer (a busy thread pool, a paused
        // process) leaves the schedule behind and the waiters catch up as fast as the log allows, up to one window's
        // worth; without waiters the limiter was idle, so a schedule more than a slot behind restarts from now.
        var from = catchUp ? Math.Max(_nextSlot, now - TicksOf(_window)) : behind > _interval ? now : _nextSlot;
        _nextSlot = from + TicksOf(_interval);
    }

    private long TicksOf(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private void ServeWaiters()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            Prune(now);
            while (MayGrant(now) && _waiters.TryDequeue(out var waiter))
            {
                // A cancelled waiter gives its turn to the next one.
                if (waiter.TrySetResult(Granted))
                {
                    Grant(now, catchUp: true);
                }
            }

            if (_waiters.Count == 0)
            {
                _idleSince = now;
            }

            ScheduleLocked(now);
        }
    }

    private void ScheduleLocked(long now)
    {
        if (_waiters.Count == 0 || _disposed)
        {
            return;
        }

        var due = _grants.Count < _limit ? TimeSpan.Zero : _window - _time.GetElapsedTime(_grants.Peek(), now);
        var slot = now >= _nextSlot ? TimeSpan.Zero : _time.GetElapsedTime(now, _nextSlot);
        if (slot > due)
        {
            due = slot;
        }

        _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void Prune(long now)
    {
        while (_grants.Count > 0 && _time.GetElapsedTime(_grants.Peek(), now) >= _window)
        {
            _grants.Dequeue();
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
