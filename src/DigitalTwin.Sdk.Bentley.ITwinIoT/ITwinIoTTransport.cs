namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>Which socket the JSON-RPC API is reached over.</summary>
public enum ITwinIoTTransport
{
    /// <summary>WebSocket (documented port 4201), one JSON message per WebSocket message.</summary>
    WebSocket,

    /// <summary>Plain TCP (documented port 4200): back-to-back JSON values, framed incrementally by the client.</summary>
    Tcp,
}
