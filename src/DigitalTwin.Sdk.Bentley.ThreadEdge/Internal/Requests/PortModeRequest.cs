using System.Text.Json.Serialization;

using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>Body of <c>POST /api/deviceRsSel</c>: <c>{"portNumber":1,"content":"RS232"}</c>.</summary>
/// <param name="PortNumber">Device port 1, 2 or 3.</param>
/// <param name="Content">Interface mode.</param>
internal sealed record PortModeRequest(
    [property: JsonPropertyName("portNumber")] int PortNumber,
    [property: JsonPropertyName("content")] PortMode Content);
