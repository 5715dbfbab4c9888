using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// The limiters of the quotas the clients spend: one limiter per <see cref="RateLimitQuota"/>, shared by every client
/// that names it, created by the <see cref="IRateLimiterFactory"/>. Under DI the container owns one registry (a
/// singleton, disposed with the container); clients built without DI share <see cref="Shared"/>, so two standalone
/// clients of one API still spend one quota.
/// </summary>
/// <remarks>Thread-safe. Disposing the registry disposes its limiters; a request waiting on one then fails.</remarks>
public sealed class RateLimiterRegistry : IDisposable, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateLimiter>> _limiters = new(StringComparer.Ordinal);
    private readonly IRateLimiterFactory _factory;
    private volatile bool _disposed;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="factory">The factory of the limiters; <see cref="InProcessRateLimiterFactory"/> when <see langword="null"/>.</param>
    public RateLimiterRegistry(IRateLimiterFactory? factory = null) => _factory = factory ?? InProcessRateLimiterFactory.Instance;

    /// <summary>Gets the registry of the clients built without DI (in-process limiters; never disposed).</summary>
    public static RateLimiterRegistry Shared { get; } = new();

    /// <summary>Gets the number of limiters created so far.</summary>
    public int Count => _limiters.Count;

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
        var entry = _limiters.GetOrAdd(quota.RegistryKey, static (_, state) => new Lazy<RateLimiter>(() => state.Factory.Create(state.Quota, state.Time)), (Factory: _factory, Quota: quota, Time: timeProvider));
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
        foreach (var entry in _limiters.Values)
        {
            if (entry.IsValueCreated)
            {
                entry.Value.Dispose();
            }
        }

        _limiters.Clear();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (ReferenceEquals(this, Shared))
        {
            return;
        }

        _disposed = true;
        foreach (var entry in _limiters.Values)
        {
            if (entry.IsValueCreated)
            {
                await entry.Value.DisposeAsync().ConfigureAwait(false);
            }
        }

        _limiters.Clear();
    }
}
