using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>
/// A location of the building structure; <see cref="JsonApiResource.Type"/> tells which kind
/// (<c>Campus</c>, <c>Building</c>, <c>Floor</c>, <c>Room</c>, ...).
/// </summary>
public sealed record Location : JsonApiResource<LocationAttributes>
{
    /// <summary>Gets the id of the enclosing location (relationship <c>isPartOf</c>), if any.</summary>
    [JsonIgnore]
    public string? ParentId => GetRelatedId("isPartOf");
}
