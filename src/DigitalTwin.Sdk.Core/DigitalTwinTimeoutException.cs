namespace DigitalTwin.Sdk.Core;

/// <summary>An attempt or the whole operation took longer than its configured timeout.</summary>
/// <remarks>The Polly <c>TimeoutRejectedException</c>, when there is one, is the <see cref="Exception.InnerException"/>.</remarks>
public class DigitalTwinTimeoutException : DigitalTwinException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What timed out.</param>
    /// <param name="innerException">The underlying failure.</param>
    public DigitalTwinTimeoutException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
