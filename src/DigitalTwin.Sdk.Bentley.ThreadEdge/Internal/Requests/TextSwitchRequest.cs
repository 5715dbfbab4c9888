using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;


namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>
/// Body of <c>POST /api/accessible</c> and <c>PUT /api/cloudConnection</c>; the doc sends the flag as a string:
/// <c>{"value":"true"}</c>.
/// </summary>
/// <param name="Value">The flag.</param>
internal sealed record TextSwitchRequest([property: JsonPropertyName("value"), JsonConverter(typeof(BooleanTextConverter))] bool Value);
