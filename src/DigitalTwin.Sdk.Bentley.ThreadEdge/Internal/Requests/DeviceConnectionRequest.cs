using System.Text.Json.Serialization;


namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>Body of <c>PUT /api/deviceConnection?port=N</c>: <c>{"value":true}</c> (a JSON boolean, as the doc sends it).</summary>
/// <param name="Value">Whether to open the connection to the device on the port.</param>
internal sealed record DeviceConnectionRequest([property: JsonPropertyName("value")] bool Value);
