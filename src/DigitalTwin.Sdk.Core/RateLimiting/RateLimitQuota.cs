using System.Globalization;

namespace DigitalTwin.Sdk.Core.RateLimiting;

/// <summary>
/// One quota a vendor API imposes, as the client spends it: which requests share it (<see cref="Key"/>), how
/// (<see cref="Kind"/>) and how many (<see cref="PermitLimit"/> per <see cref="Window"/>). Every client in a
/// <see cref="RateLimiterRegistry"/> that names the same quota shares one limiter.
/// </summary>
public sealed record RateLimitQuota
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="key">What shares the quota, e.g. <c>Building X|https://api.example.com/operations</c>; never a secret.</param>
    /// <param name="kind">How the quota is spent.</param>
    /// <param name="permitLimit">The permits per <paramref name="window"/> (1 for <see cref="RateLimitKind.Interval"/>).</param>
    /// <param name="window">The window the permits are counted in, or the spacing of an <see cref="RateLimitKind.Interval"/> quota.</param>
    /// <exception cref="ArgumentException">The key is blank, the limit below 1 or the window not positive.</exception>
    public RateLimitQuota(string key, RateLimitKind kind, int permitLimit, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown rate-limit kind.");
        }

        Key = key;
        Kind = kind;
        PermitLimit = permitLimit;
        Window = window;
    }

    /// <summary>Gets what shares the quota.</summary>
    public string Key { get; }

    /// <summary>Gets how the quota is spent.</summary>
    public RateLimitKind Kind { get; }

    /// <summary>Gets the permits per <see cref="Window"/>.</summary>
    public int PermitLimit { get; }

    /// <summary>Gets the window the permits are counted in (the spacing of an <see cref="RateLimitKind.Interval"/> quota).</summary>
    public TimeSpan Window { get; }

    /// <summary>Gets the permits a <see cref="RateLimitKind.TokenBucket"/> grants at once after an idle spell (at least 1).</summary>
    public int Burst { get; init; } = 1;

    /// <summary>Gets how many requests may wait for a permit; a request beyond them fails at once without being sent.</summary>
    public int QueueLimit { get; init; } = 1000;

    /// <summary>
    /// Gets the vendor whose quota it is, by its configuration section name (<c>BuildingX</c>, <c>Tandem</c>,
    /// <c>LifecycleTwin</c>, <c>ITwinIoT</c>, <c>ThreadEdge</c>), so a factory can treat vendors differently (Redis for
    /// some only); <see langword="null"/> when unknown. Not part of the quota's identity: <see cref="Key"/> already names the vendor.
    /// </summary>
    public string? Vendor { get; init; }

    /// <summary>
    /// Creates the token-bucket quota of a rate in permits per second (fractions allowed: 0.5 is one permit every two seconds).
    /// </summary>
    /// <param name="key">What shares the quota.</param>
    /// <param name="permitsPerSecond">The average rate; above zero.</param>
    /// <param name="burst">The permits granted at once after an idle spell.</param>
    /// <param name="queueLimit">How many requests may wait.</param>
    /// <returns>The quota.</returns>
    public static RateLimitQuota PerSecond(string key, double permitsPerSecond, int burst, int queueLimit)
    {
        if (!(permitsPerSecond > 0) || double.IsInfinity(permitsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(permitsPerSecond), permitsPerSecond, "The rate must be a positive number.");
        }

        var period = TimeSpan.FromTicks(Math.Max(1, (long)(TimeSpan.TicksPerSecond / permitsPerSecond)));
        return new RateLimitQuota(key, RateLimitKind.TokenBucket, 1, period) { Burst = Math.Max(1, burst), QueueLimit = queueLimit };
    }

    /// <summary>Gets the identity of the limiter in a registry: the key and every setting, so a changed setting gets its own limiter.</summary>
    internal string RegistryKey => string.Create(CultureInfo.InvariantCulture, $"{Key}|{Kind}|{PermitLimit}|{Window.Ticks}|{Burst}|{QueueLimit}");
}
