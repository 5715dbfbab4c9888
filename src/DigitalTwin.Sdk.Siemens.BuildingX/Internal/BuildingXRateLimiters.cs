using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Internal;

/// <summary>One sliding-window limiter per Building X API (base URL), shared by every client instance in the process.</summary>
internal static class BuildingXRateLimiters
{
    private static readonly ConcurrentDictionary<string, RateLimiter> Limiters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the shared limiter of the API at <paramref name="apiBaseUrl"/>, or <see langword="null"/> when limiting is off.</summary>
    /// <param name="runtime">The client runtime (rate, window, queue and clock).</param>
    /// <param name="apiBaseUrl">The API's base URL: the Operations and the Accounts API each have their own quota.</param>
    public static RateLimiter? For(ClientRuntime runtime, Uri? apiBaseUrl)
    {
        var options = runtime.Options;
        var rate = options.RateLimit?.PermitsPerSecond ?? 0;
        if (rate <= 0 || apiBaseUrl is null)
        {
            return null;
        }

        var window = (options as BuildingXOptions)?.RateLimitWindow ?? TimeSpan.FromSeconds(1);
        var permits = Math.Max(1, (int)Math.Floor(rate));
        var key = string.Create(CultureInfo.InvariantCulture, $"{apiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')}|{permits}|{window.Ticks}");
        return Limiters.GetOrAdd(key, _ => new SlidingWindowLogRateLimiter(permits, window, options.RateLimit!.QueueLimit, runtime.Time));
    }
}
