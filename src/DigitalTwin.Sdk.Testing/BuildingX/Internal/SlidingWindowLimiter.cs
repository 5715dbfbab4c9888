namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>
/// Strict per-key limit: at most <c>limit</c> accepted requests in any one-second window, measured at arrival.
/// Rejected requests do not count.
/// </summary>
internal sealed class SlidingWindowLimiter(TimeProvider time, int limit)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, Queue<long>> _accepted = new(StringComparer.Ordinal);
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
            if (!_accepted.TryGetValue(key, out var queue))
            {
                queue = new Queue<long>();
                _accepted[key] = queue;
            }

            while (queue.Count > 0 && time.GetElapsedTime(queue.Peek(), now) >= Window)
            {
                queue.Dequeue();
            }

            if (queue.Count < limit)
            {
                queue.Enqueue(now);
                return true;
            }

            retryAfter = Window - time.GetElapsedTime(queue.Peek(), now);
            return false;
        }
    }
}
