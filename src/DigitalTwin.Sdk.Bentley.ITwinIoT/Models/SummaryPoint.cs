using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>One observation of an <see cref="ObservationsSummary"/>.</summary>
/// <param name="Timestamp">When it was recorded.</param>
/// <param name="Value">The value.</param>
public sealed record SummaryPoint(
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("value")] double? Value)
{
    /// <summary>Gets members the model does not define.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
