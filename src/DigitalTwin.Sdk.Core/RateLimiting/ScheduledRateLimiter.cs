using System.Threading.RateLimiting;

namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// What the SDK's clock-driven limiters share: one permit per lease, callers that find no permit wait first-come
/// first-served up to a queue limit, one timer on the client's <see cref="TimeProvider"/> wakes the queue when the next
/// permit is due, a cancelled waiter gives its turn to the next one, and after disposal waiting callers get a refused
/// lease and new acquisitions throw <see cref="ObjectDisposedException"/>. A kind of limiter says only when a permit is
/// free (<see cref="HasPermit"/>), what taking one records (<see cref="Take"/>) and when the next one is due
/// (<see cref="NextPermitDue"/>). Thread-safe: every hook runs under one lock.
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

    /// <summary>How long from <paramref name="now"/> until <see cref="HasPermit"/> may say yes (zero or less: now).</summary>
    /// <param name="now">The clock's timestamp.</param>
    /// <returns>The delay.</returns>
    protected abstract TimeSpan NextPermitDue(long now);

    /// <summary>How many permits are free at <paramref name="now"/>.</summary>
    /// <param name="now">The clock's timestamp.</param>
    /// <returns>The count.</returns>
    protected abstract int AvailablePermits(long now);

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
                return Granted;
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
                return new ValueTask<RateLimitLease>(Granted);
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
            var now = Time.GetTimestamp();
            while (!_disposed && HasPermit(now) && _waiters.TryDequeue(out var waiter))
            {
                // A cancelled waiter gives its turn to the next one.
                if (waiter.TrySetResult(Granted))
                {
                    Take(now, toWaiter: true);
                    _successful++;
                    _lastGrant = now;
                }
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

        var due = NextPermitDue(now);
        _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
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
