using System.Threading.RateLimiting;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>
/// Spaces permits at least <c>interval</c> apart (a token bucket would let two requests through around a replenish tick).
/// Waiters queue in arrival order; time comes from the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class IntervalRateLimiter(TimeSpan interval, TimeProvider time) : RateLimiter
{
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
                return _next == DateTimeOffset.MinValue ? null : now > _next ? now - _next : TimeSpan.Zero;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = time.GetUtcNow() >= _next ? 1 : 0,
                TotalSuccessfulLeases = _granted,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now < _next)
            {
                return Lease.Failed;
            }

            _next = now + interval;
            _granted++;
            return Lease.Acquired;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            slot = now > _next ? now : _next;
            _next = slot + interval;
            _granted++;
        }

        var wait = slot - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        return Lease.Acquired;
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Failed = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
