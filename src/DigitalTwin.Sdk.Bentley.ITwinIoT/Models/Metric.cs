using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A metric a sensor can report (doc: "Metrics").</summary>
/// <param name="Id">The metric id, e.g. <c>dx</c>.</param>
public sealed record Metric([property: JsonPropertyName("id")] string Id)
{
    /// <summary>Gets the name, e.g. <c>displacement X</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the display name, e.g. <c>∆ X</c>.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets the default unit id.</summary>
    [JsonPropertyName("defaultUnit")]
    public string? DefaultUnit { get; init; }

    /// <summary>Gets the notation.</summary>
    [JsonPropertyName("notation")]
    public string? Notation { get; init; }

    /// <summary>Gets whether the metric is hidden.</summary>
    [JsonPropertyName("hidden")]
    public bool? Hidden { get; init; }

    /// <summary>Gets the calculation parameters the metric accepts.</summary>
    [JsonPropertyName("params")]
    public IReadOnlyList<MetricParameterDefinition>? Params { get; init; }

    /// <summary>Gets the units, when the response includes them (REST sensors/metrics).</summary>
    [JsonPropertyName("units")]
    public IReadOnlyList<MetricUnit>? Units { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
