using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>
/// The <c>data</c> of a relationship: one resource identifier (to-one) or an array of them (to-many).
/// </summary>
[JsonConverter(typeof(JsonApiRelationshipDataConverter))]
public sealed record JsonApiRelationshipData
{
    /// <summary>Gets a value indicating whether the linkage is an array (a to-many relationship).</summary>
    public bool IsToMany { get; init; }

    /// <summary>Gets the linked resources: one for a to-one relationship, any number for a to-many one.</summary>
    public IReadOnlyList<JsonApiResourceIdentifier> Identifiers { get; init; } = [];

    /// <summary>Gets the linked resource of a to-one relationship, or <see langword="null"/> for a to-many one.</summary>
    public JsonApiResourceIdentifier? Single => !IsToMany && Identifiers.Count == 1 ? Identifiers[0] : null;

    /// <summary>Creates to-one linkage.</summary>
    /// <param name="identifier">The linked resource.</param>
    /// <returns>The linkage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is <see langword="null"/>.</exception>
    public static JsonApiRelationshipData ToOne(JsonApiResourceIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return new JsonApiRelationshipData { Identifiers = [identifier] };
    }

    /// <summary>Creates to-many linkage.</summary>
    /// <param name="identifiers">The linked resources.</param>
    /// <returns>The linkage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifiers"/> is <see langword="null"/>.</exception>
    public static JsonApiRelationshipData ToMany(IEnumerable<JsonApiResourceIdentifier> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        return new JsonApiRelationshipData { IsToMany = true, Identifiers = [.. identifiers] };
    }
}
