using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

/// <summary><c>{"integration": ...}</c> request body.</summary>
internal sealed record IntegrationEnvelope([property: JsonPropertyName("integration")] IntegrationRequest Integration);

/// <summary><c>{"integration": ...}</c> response body.</summary>
internal sealed record IntegrationResponse
{
    [JsonPropertyName("integration")]
    public IntegrationResult? Integration { get; init; }
}

/// <summary><c>{"ids": [...]}</c> request body of sensors/metrics.</summary>
internal sealed record SensorIdsBody([property: JsonPropertyName("ids")] IReadOnlyList<string> Ids);

/// <summary><c>{"metricsBySensor": {...}}</c> response body.</summary>
internal sealed record SensorMetricsResponse
{
    [JsonPropertyName("metricsBySensor")]
    public Dictionary<string, List<Metric>>? MetricsBySensor { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
