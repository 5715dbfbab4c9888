namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>
/// A stream opened with <see cref="JsonRpcStreamFullMode.Fail"/> received more frames than its buffer holds
/// because the consumer did not keep up; the stream was ended rather than dropping data silently.
/// </summary>
public class JsonRpcStreamOverflowException : DigitalTwinException
{
    /// <summary>Initializes a new instance of the <see cref="JsonRpcStreamOverflowException"/> class.</summary>
    public JsonRpcStreamOverflowException()
        : base("The consumer of the JSON-RPC stream fell behind and its buffer is full.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonRpcStreamOverflowException"/> class.</summary>
    /// <param name="message">The message.</param>
    public JsonRpcStreamOverflowException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonRpcStreamOverflowException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JsonRpcStreamOverflowException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
