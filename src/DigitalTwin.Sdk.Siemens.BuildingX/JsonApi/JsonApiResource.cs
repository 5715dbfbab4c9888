using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>
/// A JSON:API resource object without its attributes: <c>type</c>, <c>id</c>, <c>relationships</c>, <c>links</c>,
/// <c>meta</c>. Use <see cref="JsonApiResource{TAttributes}"/> for the typed attributes.
/// </summary>
/// <remarks>
/// Members the specification or the vendor adds later are kept in <see cref="AdditionalProperties"/>. When the resource came
/// from a response with <c>include</c>, <see cref="Included"/> holds that response's included resources so
/// <see cref="GetRelated(string)"/> resolves relationships without another request.
/// </remarks>
public abstract record JsonApiResource
{
    /// <summary>Gets the resource type, e.g. <c>Device</c>.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Gets the resource id; <see langword="null"/> in a create request that lets the server choose it.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the relationships by name, e.g. <c>hasLocation</c>.</summary>
    public IReadOnlyDictionary<string, JsonApiRelationship>? Relationships { get; init; }

    /// <summary>Gets the resource's links.</summary>
    public JsonApiLinks? Links { get; init; }

    /// <summary>Gets non-standard meta-information about the resource.</summary>
    public JsonElement? Meta { get; init; }

    /// <summary>Gets members of the resource object this model does not know.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Gets the included resources of the document this resource came from, if it had any.</summary>
    [JsonIgnore]
    public JsonApiIncluded? Included { get; init; }

    /// <summary>Gets the <c>X-Request-Id</c> of the response this resource came from, when the client read it from one.</summary>
    [JsonIgnore]
    public string? RequestId { get; init; }

    /// <summary>Gets the type and id of this resource.</summary>
    [JsonIgnore]
    public JsonApiResourceIdentifier Identifier => new(Type, Id ?? string.Empty);

    /// <summary>Gets the id of the single resource a to-one relationship points at.</summary>
    /// <param name="relationship">Relationship name, e.g. <c>hasLocation</c>.</param>
    /// <returns>The id, or <see langword="null"/> when the relationship is absent, empty or to-many.</returns>
    public string? GetRelatedId(string relationship) =>
        Relationships is not null && Relationships.TryGetValue(relationship, out var value) ? value.Data?.Single?.Id : null;

    /// <summary>Gets the included resources reached from this one by an include path.</summary>
    /// <param name="path">An include path such as <c>hasLocation</c> or <c>hasFeatures.DeviceInfo</c>.</param>
    /// <returns>The related resources found in <see cref="Included"/>; empty without an include.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public IReadOnlyList<JsonApiResource<JsonElement>> GetRelated(string path) =>
        Included is null ? [] : Included.Resolve(this, path);

    /// <summary>Gets the included resources reached by an include path, with typed attributes.</summary>
    /// <typeparam name="TResource">The typed resource, e.g. <c>DeviceInfo</c>.</typeparam>
    /// <param name="path">An include path such as <c>hasFeatures.DeviceInfo</c>.</param>
    /// <param name="typeInfo">Source-generated metadata of <typeparamref name="TResource"/>.</param>
    /// <returns>The related resources; empty without an include.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<TResource> GetRelated<TResource>(string path, JsonTypeInfo<TResource> typeInfo)
        where TResource : JsonApiResource
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var related = GetRelated(path);
        var typed = new List<TResource>(related.Count);
        foreach (var resource in related)
        {
            typed.Add(Included!.Convert(resource, typeInfo));
        }

        return typed;
    }
}
