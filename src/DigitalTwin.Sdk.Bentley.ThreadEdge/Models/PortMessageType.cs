namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>Kind of WebSocket message exchanged with a device port.</summary>
public enum PortMessageType
{
    /// <summary>A text (UTF-8) message.</summary>
    Text,

    /// <summary>A binary message.</summary>
    Binary,
}
