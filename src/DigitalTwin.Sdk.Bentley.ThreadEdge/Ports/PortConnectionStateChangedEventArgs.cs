namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Data of <see cref="ThreadPortSocket.StateChanged"/>.</summary>
/// <param name="state">The new state.</param>
/// <param name="reason">Why the state changed, for logs (never contains payload data).</param>
/// <param name="exception">The error behind the change, if any.</param>
public sealed class PortConnectionStateChangedEventArgs(PortConnectionState state, string reason, Exception? exception = null) : EventArgs
{
    /// <summary>Gets the new state.</summary>
    public PortConnectionState State { get; } = state;

    /// <summary>Gets why the state changed.</summary>
    public string Reason { get; } = reason;

    /// <summary>Gets the error behind the change, or <see langword="null"/>.</summary>
    public Exception? Exception { get; } = exception;
}
