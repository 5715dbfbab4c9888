namespace DigitalTwin.Sdk.Core;

/// <summary>Authentication failed: the credentials or token were refused (HTTP 401, or a failed token request).</summary>
public class DigitalTwinAuthenticationException : DigitalTwinApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="info">The failure.</param>
    /// <param name="message">Message; when <see langword="null"/> one is composed from <paramref name="info"/>.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DigitalTwinAuthenticationException(ApiErrorInfo info, string? message = null, Exception? innerException = null)
        : base(info, message, innerException)
    {
    }
}
