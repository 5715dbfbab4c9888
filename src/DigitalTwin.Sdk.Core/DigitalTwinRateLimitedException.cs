namespace DigitalTwin.Sdk.Core;

/// <summary>The service refused the request for exceeding its rate limit (HTTP 429) and retries did not help.</summary>
public class DigitalTwinRateLimitedException : DigitalTwinApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="info">The failure.</param>
    /// <param name="message">Message; when <see langword="null"/> one is composed from <paramref name="info"/>.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DigitalTwinRateLimitedException(ApiErrorInfo info, string? message = null, Exception? innerException = null)
        : base(info, message, innerException)
    {
    }

    /// <summary>Gets the delay the service asked for (<c>Retry-After</c>), if it sent one.</summary>
    public TimeSpan? RetryAfter => Info.RetryAfter;
}
