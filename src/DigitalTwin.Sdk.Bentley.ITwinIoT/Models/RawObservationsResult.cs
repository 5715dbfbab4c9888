using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// The answer of "Query Raw Data": the documented example starts with <c>sensor</c>, <c>sensorName</c> and
/// <c>metricsAndUnits</c>; the rest of the answer (the observations themselves) is not shown by the page and is kept in
/// <see cref="AdditionalProperties"/>.
/// </summary>
public sealed record RawObservationsResult
{
    /// <summary>Gets the sensor id.</summary>
    [JsonPropertyName("sensor")]
    public string? Sensor { get; init; }

    /// <summary>Gets the sensor's name.</summary>
    [JsonPropertyName("sensorName")]
    public string? SensorName { get; init; }

    /// <summary>Gets the sensor's metrics and units (<c>{"standard", "metrics": [...]}</c>), as sent.</summary>
    [JsonPropertyName("metricsAndUnits")]
    public JsonElement? MetricsAndUnits { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
