using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A calculation parameter a metric accepts (doc: "Metric Parameters").</summary>
public sealed record MetricParameterDefinition
{
    /// <summary>Gets the parameter id, e.g. <c>ZERO_DATE</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets whether the metric needs it.</summary>
    [JsonPropertyName("mandatory")]
    public bool Mandatory { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
