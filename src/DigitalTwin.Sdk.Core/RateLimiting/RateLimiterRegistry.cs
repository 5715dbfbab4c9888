using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// The limiters of the quotas the clients spend: one limiter per <see cref="RateLimitQuota"/>, shared by every client
/// that names it, created by the <see cref="IRateLimiterFactory"/>. Under DI the container owns one registry (a
/// singleton, disposed with the container); clients built without DI share <see cref="Shared"/>, so two standalone
/// clients of one API still spend one quota. A limiter runs on the clock of the client that created it, so limiters are
/// shared only between clients on the same <see cref="TimeProvider"/>: a client on another clock (a test's fake clock)
/// gets a limiter of its own, never one whose waits end on a clock nobody advances.
/// </summary>
/// <remarks>Thread-safe. Disposing the registry disposes its limiters; a request waiting on one then fails.</remarks>
public sealed class RateLimiterRegistry : IDisposable, IAsyncDisposable
{
    // The limiters on the system clock; those on other clocks live as long as their clock (a dropped fake clock takes its
    // limiters with it, also from the never-disposed Shared registry).
    private readonly ConcurrentDictionary<string, Lazy<RateLimiter>> _limiters = new(StringComparer.Ordinal);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TimeProvider, ConcurrentDictionary<string, Lazy<RateLimiter>>> _limitersByClock = [];
    private readonly IRateLimiterFactory _factory;
    private volatile bool _disposed;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="factory">The factory of the limiters; <see cref="InProcessRateLimiterFactory"/> when <see langword="null"/>.</param>
    public RateLimiterRegistry(IRateLimiterFactory? factory = null) => _factory = factory ?? InProcessRateLimiterFactory.Instance;

    /// <summary>Gets the registry of the clients built without DI (in-process limiters; never disposed).</summary>
    public static RateLimiterRegistry Shared { get; } = new();

    /// <summary>Gets the number of limiters created so far.</summary>
    public int Count => _limiters.Count + _limitersByClock.Sum(c => c.Value.Count);

    /// <summary>Gets the limiter of <paramref name="quota"/>, creating it on first use.</summary>
    /// <param name="quota">The quota.</param>
    /// <param name="timeProvider">The caller's clock, given to the factory when the limiter is created.</param>
    /// <returns>The shared limiter; the registry owns it.</returns>
    /// <exception cref="ObjectDisposedException">The registry was disposed.</exception>
    public RateLimiter GetOrCreate(RateLimitQuota quota, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Lazy: concurrent first callers create one limiter (a factory's limiter may hold connections or timers).
        var limiters = ReferenceEquals(timeProvider, TimeProvider.System)
            ? _limiters
            : _limitersByClock.GetValue(timeProvider, static _ => new ConcurrentDictionary<string, Lazy<RateLimiter>>(StringComparer.Ordinal));
        var entry = limiters.GetOrAdd(quota.RegistryKey, static (_, state) => new Lazy<RateLimiter>(() => state.Factory.Create(state.Quota, state.Time)), (Factory: _factory, Quota: quota, Time: timeProvider));
        return entry.Value;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (ReferenceEquals(this, Shared))
        {
            return;
        }

        _disposed = true;
        foreach (var entry in Created())
        {
            entry.Dispose();
        }

        _limiters.Clear();
        _limitersByClock.Clear();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (ReferenceEquals(this, Shared))
        {
            return;
        }

        _disposed = true;
        foreach (var entry in Created())
        {
            await entry.DisposeAsync().ConfigureAwait(false);
        }

        _limiters.Clear();
        _limitersByClock.Clear();
    }

    private List<RateLimiter> Created() =>
        [.. _limiters.Values.Concat(_limitersByClock.SelectMany(c => c.Value.Values)).Where(e => e.IsValueCreated).Select(e => e.Value)];
}
