using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.ModelData;

/// <summary>The attribute schema of a model (<c>GET modeldata/{modelID}/schema</c>).</summary>
public sealed record ModelSchema
{
    /// <summary>Gets the attributes (columns) of the model.</summary>
    public IReadOnlyList<SchemaAttribute> Attributes { get; init; } = [];

    /// <summary>Gets the schema hash, which changes when the schema changes.</summary>
    public string? Hash { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Finds an attribute by display name.</summary>
    /// <param name="name">Display name, e.g. <c>Temperature</c>; compared case-insensitively.</param>
    /// <returns>The first match, or <see langword="null"/>.</returns>
    public SchemaAttribute? FindByName(string name) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
