namespace DigitalTwin.Sdk.Core.Http;

/// <summary>How failed requests are retried (exponential backoff with jitter, honouring <c>Retry-After</c>).</summary>
/// <remarks>
/// Retried: 408, 429, 500, 502, 503, 504, connection failures and attempt timeouts. Only idempotent requests
/// (GET, HEAD, PUT, DELETE, OPTIONS, TRACE, or a request marked with
/// <see cref="DigitalTwinRequestOptions.MarkIdempotent"/>) are retried once they may have reached the server;
/// any request is retried when the connection could not be established.
/// </remarks>
public sealed class RetryOptions
{
    /// <summary>Gets or sets the number of retries after the first attempt.</summary>
    /// <value>Defaults to 3. Zero turns retries off.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the delay before the first retry; each further retry doubles it (±20% jitter).</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the cap of the computed backoff delay.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the longest server <c>Retry-After</c> the SDK waits for; a longer one ends the retries and
    /// surfaces as <see cref="DigitalTwinRateLimitedException"/> (429) or <see cref="DigitalTwinApiException"/>.
    /// </summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
