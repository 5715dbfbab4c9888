using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>The attribute schema of a model (<c>GET modeldata/{modelID}/schema</c>).</summary>
/// <remarks>Fields of the official OpenAPI (<c>attributes</c>, <c>version</c>); others stay in <see cref="AdditionalProperties"/>.</remarks>
public sealed record ModelSchema
{
    /// <summary>Gets the attributes (columns) of the model.</summary>
    public IReadOnlyList<SchemaAttribute> Attributes { get; init; } = [];

    /// <summary>Gets the schema version as sent (a number is kept in its JSON text).</summary>
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    public string? Version { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Finds an attribute by display name.</summary>
    /// <param name="name">Display name, e.g. <c>Temperature</c>; compared case-insensitively.</param>
    /// <returns>The first match, or <see langword="null"/>.</returns>
    public SchemaAttribute? FindByName(string name) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds an attribute by qualified id.</summary>
    /// <param name="qualifiedId">Qualified id, e.g. <c>z:Dg</c>; compared exactly.</param>
    /// <returns>The match, or <see langword="null"/>.</returns>
    public SchemaAttribute? FindById(string qualifiedId) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Id, qualifiedId, StringComparison.Ordinal));
}
