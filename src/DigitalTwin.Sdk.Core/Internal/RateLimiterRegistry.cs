using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>One token-bucket limiter per vendor API, shared by every client instance of that API in the process.</summary>
internal static class RateLimiterRegistry
{
    private static readonly ConcurrentDictionary<string, RateLimiter> Limiters = new(StringComparer.OrdinalIgnoreCase);

    public static RateLimiter GetOrCreate(string key, RateLimitOptions options) =>
        Limiters.GetOrAdd(key + "|" + options.PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + options.Burst, _ => Create(options));

    public static RateLimiter Create(RateLimitOptions options)
    {
        // One token every 1/rate seconds; a bucket of `Burst` tokens. Timer-driven replenishment keeps waiting
        // requests flowing without callers polling.
        var period = TimeSpan.FromTicks(Math.Max(1, (long)(TimeSpan.TicksPerSecond / options.PermitsPerSecond)));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.Burst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
