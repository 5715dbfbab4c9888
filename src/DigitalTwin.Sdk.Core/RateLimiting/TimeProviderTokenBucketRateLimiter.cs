using System.Threading.RateLimiting;

namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>: a bucket of <c>tokenLimit</c> tokens, one token added per
/// <c>period</c> (whole periods, the remainder carried over), waiting callers served first-come first-served.
/// </summary>
/// <remarks>
/// The framework's <see cref="TokenBucketRateLimiter"/> reads <c>Stopwatch</c> and a system timer whatever the client's
/// clock, so it cannot follow the client's <see cref="TimeProvider"/> (a fake clock in tests). Same grant rules as the
/// framework's limiter with <see cref="QueueProcessingOrder.OldestFirst"/>; one permit per lease; after disposal waiting
/// callers get a refused lease and new acquisitions throw <see cref="ObjectDisposedException"/>. Thread-safe.
/// </remarks>
internal sealed class TimeProviderTokenBucketRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    private readonly int _tokenLimit;
    private readonly int _queueLimit;
    private readonly TimeProvider _time;
    private readonly long _periodTicks;
    private readonly Queue<TaskCompletionSource<RateLimitLease>> _waiters = new();
    private readonly ITimer _timer;
    private readonly object _gate = new();
    private int _tokens;
    private long _stamp;
    private long _idleSince;
    private long _successful;
    private long _failed;
    private bool _disposed;

    /// <summary>Initializes a full bucket.</summary>
    /// <param name="tokenLimit">Bucket size (the burst); at least 1.</param>
    /// <param name="period">Time for one token; above zero.</param>
    /// <param name="queueLimit">How many callers may wait.</param>
    /// <param name="time">The clock.</param>
    public TimeProviderTokenBucketRateLimiter(int tokenLimit, TimeSpan period, int queueLimit, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _tokenLimit = tokenLimit;
        _queueLimit = queueLimit;
        _time = time;
        _periodTicks = Math.Max(1, (long)(period.TotalSeconds * time.TimestampFrequency));
        _tokens = tokenLimit;
        _stamp = time.GetTimestamp();
        _idleSince = _stamp;
        _timer = time.CreateTimer(static state => ((TimeProviderTokenBucketRateLimiter)state!).ServeWaiters(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Refill(_time.GetTimestamp());
                return _waiters.Count == 0 && _tokens == _tokenLimit ? _time.GetElapsedTime(_idleSince) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill(_time.GetTimestamp());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _tokens,
                CurrentQueuedCount = _waiters.Count,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

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

            if (_disposed || _waiters.Count >= _queueLimit)
            {
                _failed++;
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
            Close();
        }

        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore()
    {
        // RateLimiter.DisposeAsync calls Dispose(false) after this, so the limiter closes here.
        Close();
        return default;
    }

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

    private static void CheckCount(int permitCount) =>
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1, nameof(permitCount));

    private bool TryGrantNow(int permitCount)
    {
        var now = _time.GetTimestamp();
        Refill(now);
        if (_disposed || _waiters.Count > 0 || _tokens < 1)
        {
            return false;
        }

        if (permitCount > 0)
        {
            _tokens--;
            _successful++;
            _idleSince = now;
        }

        return true;
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

    private void ServeWaiters()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            Refill(now);
            while (_tokens > 0 && _waiters.TryDequeue(out var waiter))
            {
                // A cancelled waiter gives its turn to the next one.
                if (waiter.TrySetResult(Granted))
                {
                    _tokens--;
                    _successful++;
                }
            }

            _idleSince = now;
            ScheduleLocked(now);
        }
    }

    private void ScheduleLocked(long now)
    {
        if (_waiters.Count == 0 || _disposed)
        {
            return;
        }

        // The next token comes at the end of the current period.
        _timer.Change(_time.GetElapsedTime(now, _stamp + _periodTicks), Timeout.InfiniteTimeSpan);
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
