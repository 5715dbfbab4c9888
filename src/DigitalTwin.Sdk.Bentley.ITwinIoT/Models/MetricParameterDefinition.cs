using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A calculation parameter a metric accepts (doc: "Metric Parameters").</summary>
/// <param name="Id">The parameter id, e.g. <c>ZERO_DATE</c>.</param>
/// <param name="Mandatory">Whether the metric needs it.</param>
public sealed record MetricParameterDefinition(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("mandatory")] bool Mandatory)
{
    /// <summary>Gets members the model does not define.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
