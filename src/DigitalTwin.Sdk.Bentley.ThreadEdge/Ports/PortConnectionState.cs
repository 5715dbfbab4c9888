namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Connection state of a <see cref="ThreadPortSocket"/>.</summary>
public enum PortConnectionState
{
    /// <summary>Opening the first connection.</summary>
    Connecting,

    /// <summary>Connected; data flows both ways.</summary>
    Connected,

    /// <summary>The connection dropped; waiting to reconnect. Sends wait, received data already queued stays readable.</summary>
    Reconnecting,

    /// <summary>Closed by the caller (dispose). Final.</summary>
    Closed,

    /// <summary>Dropped and not reconnecting (reconnect disabled or attempts exhausted). Final.</summary>
    Failed,
}
