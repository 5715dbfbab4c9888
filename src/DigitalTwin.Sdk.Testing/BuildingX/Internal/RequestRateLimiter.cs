namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>
/// The service's "10 requests per second and API" as a token bucket per key: <c>limit</c> requests at once, refilled
/// continuously at <c>limit</c> per second. Refused requests do not count.
/// </summary>
internal sealed class RequestRateLimiter(TimeProvider time, int limit)
{
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Admits a request or tells how long until one would be admitted.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (limit <= 0)
        {
            return true;
        }

        var now = time.GetTimestamp();
        lock (_gate)
        {
            var bucket = _buckets.TryGetValue(key, out var existing) ? existing : new Bucket(limit, now);
            var tokens = Math.Min(limit, bucket.Tokens + (time.GetElapsedTime(bucket.Stamp, now).TotalSeconds * limit));
            if (tokens >= 1 - 1e-9)
            {
                _buckets[key] = new Bucket(Math.Max(0, tokens - 1), now);
                return true;
            }

            _buckets[key] = new Bucket(tokens, now);
            retryAfter = TimeSpan.FromSeconds((1 - tokens) / limit);
            return false;
        }
    }

    private readonly record struct Bucket(double Tokens, long Stamp);
}
