namespace DigitalTwin.Sdk.Core;

/// <summary>
/// The service answered, but the body was not what its API promises: not JSON, malformed or truncated JSON,
/// the wrong content type, or larger than the configured limit.
/// </summary>
public class DigitalTwinInvalidResponseException : DigitalTwinApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="info">The failure.</param>
    /// <param name="message">What was wrong with the body.</param>
    /// <param name="innerException">The parser or I/O failure, if any.</param>
    public DigitalTwinInvalidResponseException(ApiErrorInfo info, string? message = null, Exception? innerException = null)
        : base(info, message, innerException)
    {
    }
}
