using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>The <c>LAST_OBSERVATION</c> property of a device or sensor.</summary>
/// <param name="Timestamp">When it was recorded.</param>
public sealed record LastObservation([property: JsonPropertyName("timestamp")] DateTimeOffset? Timestamp)
{
    /// <summary>Gets the sensor id, when present.</summary>
    [JsonPropertyName("sensorId")]
    public string? SensorId { get; init; }

    /// <summary>Gets the raw values, when present.</summary>
    [JsonPropertyName("values")]
    public IReadOnlyList<double?>? Values { get; init; }

    /// <summary>Gets members the model does not define.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
