using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>The facility template applied to a twin.</summary>
public sealed record TwinTemplate
{
    /// <summary>Gets the unique identifier of the classification.</summary>
    public string? ClassificationId { get; init; }

    /// <summary>Gets the description of the template.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the template name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the parameter set ids of the template.</summary>
    public IReadOnlyList<string> PsetIds { get; init; } = [];

    /// <summary>Gets the unique identifier of the template.</summary>
    public string? Uuid { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
