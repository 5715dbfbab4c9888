using System.Threading.RateLimiting;

namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// What the SDK's clock-driven limiters share: one permit per lease, callers that find no permit wait first-come
/// first-served up to a queue limit, one timer on the client's <see cref="TimeProvider"/> wakes the queue when the next
/// permit is due, a cancelled waiter gives its turn to the next one, and after disposal waiting callers get a refused
/// lease and new acquisitions throw <see cref="ObjectDisposedException"/>. A kind of limiter says only when a permit is
/// free (<see cref="HasPermit"/>), what taking one records (<see cref="Take"/>) and when the next one is due
/// (<see cref="NextPermitDue"/>). A kind whose permit is held until the caller disposes the lease (<see cref="LeaseHoldsPermit"/>)
/// also says what giving it back records (<see cref="Return"/>). Thread-safe: every hook runs under one lock.
/// </summary>
internal abstract class ScheduledRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    private readonly int _queueLimit;
    private readonly Queue<TaskCompletionSource<RateLimitLease>> _waiters = new();
    private readonly ITimer _timer;
    private readonly object _gate = new();
    private long _lastGrant;
    private long _successful;
    private long _failed;
    private bool _disposed;

    /// <summary>Initializes the queue and its timer.</summary>
    /// <param name="queueLimit">How many callers may wait.</param>
    /// <param name="time">The clock.</param>
    protected ScheduledRateLimiter(int queueLimit, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        ArgumentNullException.ThrowIfNull(time);
        _queueLimit = queueLimit;
        Time = time;
        _lastGrant = time.GetTimestamp();
        _timer = time.CreateTimer(static state => ((ScheduledRateLimiter)state!).ServeWaiters(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = Time.GetTimestamp();
                return _waiters.Count == 0 && IsAtRest(now) ? Time.GetElapsedTime(_lastGrant, now) : null;
            }
        }
    }

    /// <summary>Gets the clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>Gets whether a granted permit stays taken until the lease is disposed (then <see cref="Return"/> runs);
    /// otherwise a permit is spent when granted and its lease holds nothing.</summary>
    protected virtual bool LeaseHoldsPermit => false;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = AvailablePermits(Time.GetTimestamp()),
                CurrentQueuedCount = _waiters.Count,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    /// <summary>Whether a permit is free at <paramref name="now"/> (ignoring waiting callers).</summary>
    /// <param name="now">The clock's timestamp.</param>
    /// <returns><see langword="true"/> when a permit may be granted.</returns>
    protected abstract bool HasPermit(long now);

    /// <summary>Records a permit granted at <paramref name="now"/>; called only after <see cref="HasPermit"/> said yes.</summary>
    /// <param name="now">The clock's timestamp.</param>
    /// <param name="toWaiter">Whether the permit goes to a caller that waited (the timer serving the queue).</param>
    protected abstract void Take(long now, bool toWaiter);

    /// <summary>How long from <paramref name="now"/> until <see cref="HasPermit"/> may say yes (zero or less: now;
    /// <see cref="Timeout.InfiniteTimeSpan"/>: not before a held permit is returned).</summary>
    /// <param name="now">The clock's timestamp.</param>
    /// <returns>The delay.</returns>
    protected abstract TimeSpan NextPermitDue(long now);

    /// <summary>How many permits are free at <paramref name="now"/>.</summary>
    /// <param name="now">The clock's timestamp.</param>
    /// <returns>The count.</returns>
    protected abstract int AvailablePermits(long now);

    /// <summary>Records a held permit given back at <paramref name="now"/> (only when <see cref="LeaseHoldsPermit"/>).</summary>
    /// <param name="now">The clock's timestamp.</param>
    protected virtual void Return(long now)
    {
    }

    /// <summary>Whether the limiter holds no trace of recent grants (so it counts as idle).</summary>
    /// <param name="now">The clock's timestamp.</param>
    /// <returns><see langword="true"/> when at rest.</returns>
    protected abstract bool IsAtRest(long now);

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckCount(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (TryGrantNow(permitCount))
            {
                return NewGrant(permitCount);
            }

            _failed++;
            return Refused;
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckCount(permitCount);
        TaskCompletionSource<RateLimitLease> waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (TryGrantNow(permitCount))
            {
                return new ValueTask<RateLimitLease>(NewGrant(permitCount));
            }

            if (_waiters.Count >= _queueLimit)
            {
                _failed++;
                return new ValueTask<RateLimitLease>(Refused);
            }

            waiter = new TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            ScheduleLocked(Time.GetTimestamp());
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(static (state, token) => ((TaskCompletionSource<RateLimitLease>)state!).TrySetCanceled(token), waiter);
            _ = waiter.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return new ValueTask<RateLimitLease>(waiter.Task);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        // RateLimiter.DisposeAsync calls Dispose(false) after this, so the limiter closes here.
        Close();
        return default;
    }

    /// <summary>Converts <paramref name="span"/> to the clock's timestamp units.</summary>
    /// <param name="span">The span.</param>
    /// <returns>Timestamp ticks.</returns>
    protected long TicksOf(TimeSpan span) => (long)(span.TotalSeconds * Time.TimestampFrequency);

    /// <summary>The lease of a permit just taken: the shared stateless one, or one that gives the permit back.</summary>
    private RateLimitLease NewGrant(int permitCount) => LeaseHoldsPermit && permitCount > 0 ? new HeldLease(this) : Granted;

    private static void CheckCount(int permitCount) =>
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1, nameof(permitCount));

    private void Close()
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

    /// <summary>A permit now, unless callers are waiting (they go first) or none is free. A zero count only asks.</summary>
    private bool TryGrantNow(int permitCount)
    {
        var now = Time.GetTimestamp();
        if (_waiters.Count > 0 || !HasPermit(now))
        {
            return false;
        }

        if (permitCount > 0)
        {
            Take(now, toWaiter: false);
            _successful++;
            _lastGrant = now;
        }

        return true;
    }

    private void ServeWaiters()
    {
        lock (_gate)
        {
            ServeWaitersLocked(Time.GetTimestamp());
        }
    }

    private void ServeWaitersLocked(long now)
    {
        while (!_disposed && HasPermit(now) && _waiters.TryDequeue(out var waiter))
        {
            // A cancelled waiter gives its turn to the next one (a held lease it never received is never given back,
            // so nothing was taken for it).
            if (waiter.TrySetResult(NewGrant(1)))
            {
                Take(now, toWaiter: true);
                _successful++;
                _lastGrant = now;
            }
        }

        ScheduleLocked(now);
    }

    /// <summary>A held permit comes back: the kind records it and the next waiter may go.</summary>
    private void GiveBack()
    {
        lock (_gate)
        {
            var now = Time.GetTimestamp();
            Return(now);
            ServeWaitersLocked(now);
        }
    }

    private void ScheduleLocked(long now)
    {
        if (_waiters.Count == 0 || _disposed)
        {
            return;
        }

        // An infinite delay waits for a held permit: its return serves the queue, no timer needed.
        var due = NextPermitDue(now);
        _timer.Change(due == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A permit held until disposed; disposing it twice gives it back once.</summary>
    private sealed class HeldLease(ScheduledRateLimiter owner) : RateLimitLease
    {
        private ScheduledRateLimiter? _owner = owner;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            Interlocked.Exchange(ref _owner, null)?.GiveBack();
            base.Dispose(disposing);
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
