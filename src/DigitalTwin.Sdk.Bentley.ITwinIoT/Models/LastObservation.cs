using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>The <c>LAST_OBSERVATION</c> property of a device or sensor.</summary>
public sealed record LastObservation
{
    /// <summary>Gets when it was recorded.</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Gets the sensor id, when present.</summary>
    [JsonPropertyName("sensorId")]
    public string? SensorId { get; init; }

    /// <summary>Gets the raw values, when present.</summary>
    [JsonPropertyName("values")]
    public IReadOnlyList<double?>? Values { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
