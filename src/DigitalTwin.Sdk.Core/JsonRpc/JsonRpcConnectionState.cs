namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>The life-cycle state of a <see cref="JsonRpcConnection"/>.</summary>
public enum JsonRpcConnectionState
{
    /// <summary>Not connected yet (or the initial connect failed); the next request connects.</summary>
    Disconnected,

    /// <summary>Opening the first connection.</summary>
    Connecting,

    /// <summary>Connected and handshaken; requests flow.</summary>
    Connected,

    /// <summary>The connection dropped; reconnecting with back-off. New requests wait within their timeout.</summary>
    Reconnecting,

    /// <summary>Disposed, or reconnecting gave up. Terminal.</summary>
    Closed,
}
