using System.Text;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>One WebSocket message received from the device on a THREAD port.</summary>
/// <param name="Type">Text or binary.</param>
/// <param name="Data">The message bytes (UTF-8 for text). The SDK does not reuse the memory.</param>
public sealed record PortMessage(PortMessageType Type, ReadOnlyMemory<byte> Data)
{
    /// <summary>Gets the data decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(Data.Span);
}
