using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A device or sensor template (<c>GET /api/devices/types</c>, <c>/api/sensors/types</c>); its id is the <c>INTEGRATION_ID</c> of new entities.</summary>
public sealed record EntityTemplate
{
    /// <summary>Gets the template id, e.g. <c>IMPORT_DEVICE_SDE</c> or <c>GENERIC_SENSOR_SDE</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the manufacturer (devices).</summary>
    [JsonPropertyName("manufacturer")]
    public string? Manufacturer { get; init; }

    /// <summary>Gets whether the template is dynamic.</summary>
    [JsonPropertyName("isDynamic")]
    public bool? IsDynamic { get; init; }

    /// <summary>Gets the metrics and units of a sensor template.</summary>
    [JsonPropertyName("metricsAndUnits")]
    public IReadOnlyList<CatalogMetric>? MetricsAndUnits { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
