using System.Text.Json.Serialization;


namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>Body of <c>POST /api/sleep</c>: <c>{"duration":10000}</c>.</summary>
/// <param name="Duration">Time in low power mode, in milliseconds.</param>
internal sealed record SleepRequest([property: JsonPropertyName("duration")] long Duration);
