namespace DigitalTwin.Sdk.Core;

/// <summary>
/// The circuit breaker is open after repeated failures, so the request was not sent; it will be tried again
/// after the break duration.
/// </summary>
/// <remarks>The Polly <c>BrokenCircuitException</c> is the <see cref="Exception.InnerException"/>.</remarks>
public class DigitalTwinCircuitOpenException : DigitalTwinException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What was refused.</param>
    /// <param name="innerException">The underlying Polly exception.</param>
    public DigitalTwinCircuitOpenException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Gets how long until the circuit closes again, when known.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
