using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Redis;
using DigitalTwin.Sdk.Redis.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis scale-out of DigitalTwin.Sdk.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the vendor quotas and tokens of every DigitalTwin.Sdk client in this container in Redis, shared with the
    /// other processes that use the same Redis and credentials: <c>services.AddDigitalTwinSdk(configuration).UseRedis(o =&gt; …)</c>.
    /// Call it before or after registering the clients.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the Redis connection and the fallback.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options set by <paramref name="configure"/> are invalid.</exception>
    public static IServiceCollection UseRedis(this IServiceCollection services, Action<RedisScaleOutOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RedisScaleOutOptions();
        configure(options);
        options.Validate();

        services.TryAddSingleton(sp => new RedisLink(options, sp.GetService<ILoggerFactory>(), sp.GetService<TimeProvider>()));
        services.RemoveAll<IRateLimiterFactory>();
        services.AddSingleton<IRateLimiterFactory>(sp => new RedisRateLimiterFactory(sp.GetRequiredService<RedisLink>(), ownsLink: false));
        if (options.ShareTokens)
        {
            services.RemoveAll<ISharedTokenStore>();
            services.AddSingleton<ISharedTokenStore>(sp => new RedisTokenStore(sp.GetRequiredService<RedisLink>(), ownsLink: false));
        }

        return services;
    }
}
