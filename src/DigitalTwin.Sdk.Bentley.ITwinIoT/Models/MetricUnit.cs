using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A unit of a metric, e.g. <c>{"id": "m", "name": "meter", "notation": "m"}</c>.</summary>
/// <param name="Id">The unit id.</param>
public sealed record MetricUnit([property: JsonPropertyName("id")] string Id)
{
    /// <summary>Gets the name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the notation.</summary>
    [JsonPropertyName("notation")]
    public string? Notation { get; init; }

    /// <summary>Gets the display name (REST catalogue).</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
