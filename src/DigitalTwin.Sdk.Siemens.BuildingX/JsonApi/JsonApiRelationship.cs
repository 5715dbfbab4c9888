using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A JSON:API relationship object: resource linkage in <c>data</c>, plus <c>links</c> and <c>meta</c>.</summary>
public sealed record JsonApiRelationship
{
    /// <summary>Gets the resource linkage; <see langword="null"/> when absent or <c>null</c> (an empty to-one).</summary>
    public JsonApiRelationshipData? Data { get; init; }

    /// <summary>Gets the relationship's links (<c>self</c>, <c>related</c>).</summary>
    public JsonApiLinks? Links { get; init; }

    /// <summary>Gets non-standard meta-information about the relationship.</summary>
    public JsonElement? Meta { get; init; }

    /// <summary>Gets members of the relationship object this model does not know.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Creates a to-one relationship.</summary>
    /// <param name="type">Related resource type.</param>
    /// <param name="id">Related resource id.</param>
    /// <returns>The relationship.</returns>
    public static JsonApiRelationship ToOne(string type, string id) =>
        new() { Data = JsonApiRelationshipData.ToOne(new JsonApiResourceIdentifier(type, id)) };

    /// <summary>Creates a to-many relationship.</summary>
    /// <param name="identifiers">Related resources.</param>
    /// <returns>The relationship.</returns>
    public static JsonApiRelationship ToMany(params JsonApiResourceIdentifier[] identifiers) =>
        new() { Data = JsonApiRelationshipData.ToMany(identifiers) };
}
