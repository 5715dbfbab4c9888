using System.Threading.RateLimiting;

namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// Lets one request at a time through and starts the next one no sooner than <c>interval</c> after the previous one
/// finished. Spacing from completion (not from the previous start) keeps arrivals at the service at least
/// <c>interval</c> apart whatever the latency, which a token bucket does not (two requests can pass around a replenish tick).
/// </summary>
/// <remarks>Waiters queue on a semaphore (FIFO in practice); time comes from the <see cref="TimeProvider"/>.</remarks>
internal sealed class IntervalRateLimiter(TimeSpan interval, TimeProvider time) : RateLimiter
{
    private readonly SemaphoreSlim _inFlight = new(1, 1);
    private readonly object _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private long _granted;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = time.GetUtcNow();
                return _next == DateTimeOffset.MinValue || _inFlight.CurrentCount == 0 ? null : now > _next ? now - _next : TimeSpan.Zero;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _inFlight.CurrentCount == 1 && time.GetUtcNow() >= _next ? 1 : 0,
                TotalSuccessfulLeases = _granted,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (!_inFlight.Wait(0))
        {
            return new Lease(null);
        }

        lock (_gate)
        {
            if (time.GetUtcNow() < _next)
            {
                _inFlight.Release();
                return new Lease(null);
            }

            _granted++;
        }

        return new Lease(this);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (_gate)
            {
                wait = _next - time.GetUtcNow();
                _granted++;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _inFlight.Release();
            throw;
        }

        return new Lease(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inFlight.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Complete()
    {
        lock (_gate)
        {
            _next = time.GetUtcNow() + interval;
        }

        _inFlight.Release();
    }

    private sealed class Lease(IntervalRateLimiter? owner) : RateLimitLease
    {
        private readonly bool _acquired = owner is not null;
        private IntervalRateLimiter? _owner = owner;

        public override bool IsAcquired => _acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            Interlocked.Exchange(ref _owner, null)?.Complete();
            base.Dispose(disposing);
        }
    }
}
