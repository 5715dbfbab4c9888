namespace DigitalTwin.Sdk.Core;

/// <summary>The resource does not exist (HTTP 404).</summary>
public class DigitalTwinNotFoundException : DigitalTwinApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="info">The failure.</param>
    /// <param name="message">Message; when <see langword="null"/> one is composed from <paramref name="info"/>.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DigitalTwinNotFoundException(ApiErrorInfo info, string? message = null, Exception? innerException = null)
        : base(info, message, innerException)
    {
    }
}
