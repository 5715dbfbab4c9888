namespace DigitalTwin.Sdk.Core;

/// <summary>The caller is authenticated but not allowed to do this (HTTP 403).</summary>
public class DigitalTwinPermissionException : DigitalTwinApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="info">The failure.</param>
    /// <param name="message">Message; when <see langword="null"/> one is composed from <paramref name="info"/>.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DigitalTwinPermissionException(ApiErrorInfo info, string? message = null, Exception? innerException = null)
        : base(info, message, innerException)
    {
    }
}
