using System.Text.Json.Serialization;

using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>Body of <c>POST /api/deviceVoltage</c>: <c>{"portNumber":1,"value":1}</c>.</summary>
/// <param name="PortNumber">Device port 1, 2 or 3.</param>
/// <param name="Value">Voltage, sent as its code 0 (off), 1 (12 V) or 2 (15 V).</param>
internal sealed record DeviceVoltageRequest(
    [property: JsonPropertyName("portNumber")] int PortNumber,
    [property: JsonPropertyName("value")] PortVoltage Value);
