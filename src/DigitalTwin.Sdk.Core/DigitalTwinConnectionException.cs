namespace DigitalTwin.Sdk.Core;

/// <summary>The service could not be reached or the connection failed (reset, refused, name resolution), after any retries.</summary>
public class DigitalTwinConnectionException : DigitalTwinException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The underlying transport failure.</param>
    public DigitalTwinConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
