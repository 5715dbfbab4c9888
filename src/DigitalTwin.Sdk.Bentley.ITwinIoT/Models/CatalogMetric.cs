using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A metric of the catalogue (<c>GET /api/metrics/types</c>) or of a sensor template.</summary>
public sealed record CatalogMetric
{
    /// <summary>Gets the metric id, e.g. <c>T</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the metric key as sent in observation values.</summary>
    [JsonPropertyName("metric")]
    public string? Metric { get; init; }

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets the default unit.</summary>
    [JsonPropertyName("defaultUnit")]
    public string? DefaultUnit { get; init; }

    /// <summary>Gets the supported units.</summary>
    [JsonPropertyName("units")]
    public IReadOnlyList<MetricUnit>? Units { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
