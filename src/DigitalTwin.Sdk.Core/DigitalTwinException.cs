namespace DigitalTwin.Sdk.Core;

/// <summary>
/// Root of every exception the SDK throws for a service, transport or protocol failure, so one
/// <c>catch (DigitalTwinException)</c> covers them all. Caller cancellation stays an
/// <see cref="OperationCanceledException"/> and bad arguments stay <see cref="ArgumentException"/>s.
/// </summary>
/// <remarks>Messages never contain secrets (client secrets, passwords, API keys, tokens).</remarks>
public class DigitalTwinException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    public DigitalTwinException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public DigitalTwinException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the underlying failure.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public DigitalTwinException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
