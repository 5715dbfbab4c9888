namespace DigitalTwin.Sdk.Core;

/// <summary>The request conflicts with the current state of the resource (HTTP 409).</summary>
public class DigitalTwinConflictException : DigitalTwinApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="info">The failure.</param>
    /// <param name="message">Message; when <see langword="null"/> one is composed from <paramref name="info"/>.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DigitalTwinConflictException(ApiErrorInfo info, string? message = null, Exception? innerException = null)
        : base(info, message, innerException)
    {
    }
}
