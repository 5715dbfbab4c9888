using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.TestUtilities;

namespace DigitalTwin.Sdk.Core.Tests.RateLimiting;

public sealed class RateLimiterRegistryTests
{
    [Fact]
    public void GetOrCreate_SameQuotaShares_OtherKeyOrSettingGetsItsOwn()
    {
        using var registry = new RateLimiterRegistry();
        var time = TestTime.CreateClock();
        var one = RateLimitQuota.PerSecond("api|https://one/", 10, 1, 100);

        var a = registry.GetOrCreate(one, time);

        Assert.Same(a, registry.GetOrCreate(RateLimitQuota.PerSecond("api|https://one/", 10, 1, 100), time));
        Assert.NotSame(a, registry.GetOrCreate(RateLimitQuota.PerSecond("api|https://two/", 10, 1, 100), time));
        Assert.NotSame(a, registry.GetOrCreate(RateLimitQuota.PerSecond("api|https://one/", 5, 1, 100), time));
        Assert.Equal(3, registry.Count);
    }

    [Fact]
    public async Task GetOrCreate_OtherClock_GetsALimiterOfItsOwnThatRunsOnThatClock()
    {
        // Two clients of one API on two clocks (two tests on their own fake clocks, whose emulators got the same port):
        // a limiter shared across them would make the second wait on the first one's clock, which nobody advances.
        using var registry = new RateLimiterRegistry();
        var first = TestTime.CreateClock();
        var second = TestTime.CreateClock();
        var quota = new RateLimitQuota("api|https://same-origin/", RateLimitKind.SlidingWindow, 1, TimeSpan.FromSeconds(1));

        var onFirst = registry.GetOrCreate(quota, first);
        var onSecond = registry.GetOrCreate(quota, second);
        Assert.NotSame(onFirst, onSecond);
        Assert.Same(onSecond, registry.GetOrCreate(quota, second));
        Assert.Same(registry.GetOrCreate(quota, TimeProvider.System), registry.GetOrCreate(quota, TimeProvider.System));
        Assert.Equal(3, registry.Count);

        using (var spent = onSecond.AttemptAcquire(1))
        {
            Assert.True(spent.IsAcquired);
        }

        var waiting = onSecond.AcquireAsync(1).AsTask();
        first.Advance(TimeSpan.FromSeconds(5));
        Assert.False(waiting.IsCompleted);
        second.Advance(TimeSpan.FromSeconds(1));
        using var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public void Dispose_DisposesTheLimitersOfEveryClock()
    {
        var factory = new CountingFactory();
        var registry = new RateLimiterRegistry(factory);
        var quota = new RateLimitQuota("shared|quota", RateLimitKind.SlidingWindow, 10, TimeSpan.FromSeconds(1));

        registry.GetOrCreate(quota, TestTime.CreateClock());
        var last = factory.Last!;
        registry.Dispose();

        Assert.Equal(1, factory.Created);
        Assert.True(last.Disposed);
    }

    [Fact]
    public void GetOrCreate_EachKindHasItsLimiter()
    {
        using var registry = new RateLimiterRegistry();
        var time = TestTime.CreateClock();

        Assert.IsType<TimeProviderTokenBucketRateLimiter>(registry.GetOrCreate(new RateLimitQuota("k", RateLimitKind.TokenBucket, 10, TimeSpan.FromSeconds(1)), time));
        Assert.IsType<SlidingWindowLogRateLimiter>(registry.GetOrCreate(new RateLimitQuota("k", RateLimitKind.SlidingWindow, 10, TimeSpan.FromSeconds(1)), time));
        Assert.IsType<IntervalRateLimiter>(registry.GetOrCreate(new RateLimitQuota("k", RateLimitKind.Interval, 1, TimeSpan.FromSeconds(1)), time));
    }

    [Fact]
    public void Factory_IsAskedOncePerQuota_AndItsLimitersAreDisposedWithTheRegistry()
    {
        var factory = new CountingFactory();
        var registry = new RateLimiterRegistry(factory);
        var quota = new RateLimitQuota("shared|quota", RateLimitKind.SlidingWindow, 10, TimeSpan.FromSeconds(1));

        Parallel.For(0, 16, _ => registry.GetOrCreate(quota, TimeProvider.System));
        registry.Dispose();

        Assert.Equal(1, factory.Created);
        Assert.True(factory.Last!.Disposed);
        Assert.Throws<ObjectDisposedException>(() => registry.GetOrCreate(quota, TimeProvider.System));
    }

    [Fact]
    public void Shared_IsNotDisposedByItsUsers()
    {
        RateLimiterRegistry.Shared.Dispose();

        Assert.NotNull(RateLimiterRegistry.Shared.GetOrCreate(RateLimitQuota.PerSecond("shared-survives", 1, 1, 1), TimeProvider.System));
    }

    [Fact]
    public void Quota_RejectsNonsense()
    {
        Assert.Throws<ArgumentException>(() => new RateLimitQuota(" ", RateLimitKind.TokenBucket, 1, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitQuota("k", RateLimitKind.TokenBucket, 0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitQuota("k", RateLimitKind.TokenBucket, 1, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimitQuota("k", (RateLimitKind)42, 1, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RateLimitQuota.PerSecond("k", 0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RateLimitQuota.PerSecond("k", double.NaN, 1, 1));
        Assert.Equal(TimeSpan.FromSeconds(2), RateLimitQuota.PerSecond("k", 0.5, 1, 1).Window);
    }

    private sealed class CountingFactory : IRateLimiterFactory
    {
        private int _created;

        public int Created => _created;

        public TrackingLimiter? Last { get; private set; }

        public RateLimiter Create(RateLimitQuota quota, TimeProvider timeProvider)
        {
            Interlocked.Increment(ref _created);
            return Last = new TrackingLimiter();
        }
    }

    private sealed class TrackingLimiter : RateLimiter
    {
        public bool Disposed { get; private set; }

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new NotSupportedException();

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
