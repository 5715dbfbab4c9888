using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>
/// A reference from one entity to another, as the service embeds it: <c>{"Id": "…"}</c> plus whatever the selection
/// asked for (usually <c>Name</c>). Used for a site's <c>OwnerOrganization</c>, an asset's <c>Location</c> and
/// <c>Systems</c>, and a document's <c>Parent</c> folder and <c>Category</c>.
/// </summary>
/// <remarks>
/// The vendor shows these fields as reference objects (guide "Create": <c>"OwnerOrganization": {"Id": "…"}</c>; examples
/// "Create document", "Modify document": <c>"Parent": {"Id": "…"}</c>, <c>"Category": {"Id": "…"}</c>).
/// </remarks>
public sealed record EntityReference
{
    /// <summary>Gets the referenced entity's identifier.</summary>
    /// <value>Usually a GUID string, e.g. <c>bb601d80-0c8d-4a4d-bece-230ad4b12d9c</c>.</value>
    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    /// <summary>Gets the referenced entity's name.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary>Gets the JSON properties this model does not declare, kept so nothing the service sends is lost.</summary>
    /// <value><see langword="null"/> when the service sent no other properties.</value>
    /// <remarks>Set only by deserialization (the serializer requires a setter it can call outside an object initializer).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
