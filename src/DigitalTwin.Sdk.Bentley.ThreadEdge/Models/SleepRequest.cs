using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>Body of <c>POST /api/sleep</c>: <c>{"duration":10000}</c>.</summary>
/// <param name="Duration">Time in low power mode, in milliseconds.</param>
public sealed record SleepRequest([property: JsonPropertyName("duration")] long Duration);
