namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>
/// The connection carrying a request died (or could not be opened) before the request was answered.
/// </summary>
/// <remarks>
/// The request may or may not have been processed by the server. Streams that resume on reconnect do not
/// see this exception unless reconnecting finally fails.
/// </remarks>
public class ConnectionLostException : DigitalTwinConnectionException
{
    /// <summary>Initializes a new instance of the <see cref="ConnectionLostException"/> class.</summary>
    public ConnectionLostException()
        : base("The JSON-RPC connection was lost.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConnectionLostException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ConnectionLostException(string message)
        : base(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConnectionLostException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The transport failure that ended the connection.</param>
    public ConnectionLostException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
