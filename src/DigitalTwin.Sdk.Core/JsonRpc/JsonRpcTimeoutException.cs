namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>A JSON-RPC request was not answered within its timeout (including any wait for a reconnect).</summary>
public class JsonRpcTimeoutException : DigitalTwinTimeoutException
{
    /// <summary>Initializes a new instance of the <see cref="JsonRpcTimeoutException"/> class.</summary>
    public JsonRpcTimeoutException()
        : base("The JSON-RPC request timed out.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonRpcTimeoutException"/> class.</summary>
    /// <param name="message">The message.</param>
    public JsonRpcTimeoutException(string message)
        : base(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonRpcTimeoutException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cancellation raised by the timer.</param>
    public JsonRpcTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
