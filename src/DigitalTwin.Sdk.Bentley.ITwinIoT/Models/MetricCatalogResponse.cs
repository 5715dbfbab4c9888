using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>The response of <c>GET /api/metrics/types</c>.</summary>
public sealed record MetricCatalogResponse
{
    /// <summary>Gets whether these are the standard metrics.</summary>
    [JsonPropertyName("standard")]
    public bool? Standard { get; init; }

    /// <summary>Gets the metrics.</summary>
    [JsonPropertyName("metrics")]
    public IReadOnlyList<CatalogMetric> Metrics { get; init; } = [];

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
