namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>Describes a change of <see cref="JsonRpcConnection.State"/>.</summary>
public sealed class JsonRpcConnectionStateChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="JsonRpcConnectionStateChangedEventArgs"/> class.</summary>
    /// <param name="previous">The state before.</param>
    /// <param name="current">The state now.</param>
    /// <param name="reason">The failure that caused the change, if any.</param>
    public JsonRpcConnectionStateChangedEventArgs(JsonRpcConnectionState previous, JsonRpcConnectionState current, Exception? reason)
    {
        Previous = previous;
        Current = current;
        Reason = reason;
    }

    /// <summary>Gets the state before the change.</summary>
    public JsonRpcConnectionState Previous { get; }

    /// <summary>Gets the state after the change.</summary>
    public JsonRpcConnectionState Current { get; }

    /// <summary>Gets the failure that caused the change (a dropped socket, a failed reconnect), or <see langword="null"/>.</summary>
    public Exception? Reason { get; }
}
