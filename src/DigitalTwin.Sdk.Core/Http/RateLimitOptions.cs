namespace DigitalTwin.Sdk.Core.Http;

/// <summary>Client-side rate limit (token bucket) shared by every client instance of one vendor API.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Gets or sets the sustained request rate; 0 turns client-side limiting off.</summary>
    /// <value>The vendor default (e.g. 10 for Building X, 0 where the vendor documents no limit).</value>
    public double PermitsPerSecond { get; set; }

    /// <summary>Gets or sets how many requests may start at once after an idle period.</summary>
    /// <value>Defaults to 1, which spaces requests evenly and never trips a server that counts per second.</value>
    public int Burst { get; set; } = 1;

    /// <summary>Gets or sets how many requests may wait for a permit; more fail with <see cref="DigitalTwinException"/>.</summary>
    /// <value>Defaults to 100,000.</value>
    public int QueueLimit { get; set; } = 100_000;
}
