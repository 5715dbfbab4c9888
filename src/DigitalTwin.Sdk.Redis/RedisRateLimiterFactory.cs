using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Redis.Internal;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Redis;

/// <summary>
/// Creates limiters whose quotas live in Redis, so every process that uses one vendor credential spends one quota
/// (Building X's 10 requests/s per client, Tandem's one ingest per second per model). Register it in DI
/// (<c>services.AddDigitalTwinRedis(…)</c>) or pass it to a <see cref="RateLimiterRegistry"/>.
/// </summary>
/// <remarks>
/// Permit semantics are those of the in-process kinds: waiting callers queue first-come first-served up to the quota's
/// queue limit, cancellation is honoured, a quota spaced from completion holds its permit until the lease is disposed.
/// When Redis is unreachable, slow or returns an error, calls go on with a local limiter holding
/// 1/<see cref="RedisScaleOutOptions.InstanceCount"/> of the quota (logged once) and return to Redis when it answers
/// again. Keys are a hash of the quota (vendor, API origin, credential scope), never a secret.
/// </remarks>
public sealed class RedisRateLimiterFactory : IRateLimiterFactory, IAsyncDisposable
{
    private readonly RedisLink _link;
    private readonly bool _ownsLink;

    /// <summary>Initializes a factory with its own Redis connection.</summary>
    /// <param name="options">The Redis settings.</param>
    /// <param name="loggerFactory">Logs the fallback and recovery; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid.</exception>
    public RedisRateLimiterFactory(RedisScaleOutOptions options, ILoggerFactory? loggerFactory = null)
        : this(new RedisLink(options, loggerFactory), ownsLink: true)
    {
    }

    internal RedisRateLimiterFactory(RedisLink link, bool ownsLink)
    {
        _link = link;
        _ownsLink = ownsLink;
    }

    /// <inheritdoc />
    public RateLimiter Create(RateLimitQuota quota, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(quota);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return _link.Options.Covers(quota.Vendor)
            ? new RedisRateLimiter(_link, quota, timeProvider)
            : InProcessRateLimiterFactory.Instance.Create(quota, timeProvider);
    }

    /// <summary>
    /// Connects to Redis now and waits until it answers, so the first calls do not go to the fallback while the
    /// connection is being made (a host's start-up). Optional: without it the first call connects.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when Redis answered.</returns>
    /// <exception cref="StackExchange.Redis.RedisException">Redis did not answer.</exception>
    public Task ConnectAsync(CancellationToken cancellationToken = default) => _link.ConnectNowAsync(cancellationToken);

    /// <summary>Closes the Redis connection the factory opened (not one the host app supplied).</summary>
    /// <returns>A task that completes when closed.</returns>
    public ValueTask DisposeAsync() => _ownsLink ? _link.DisposeAsync() : default;
}
