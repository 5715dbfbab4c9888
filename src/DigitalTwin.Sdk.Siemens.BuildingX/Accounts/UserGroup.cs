
namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A user group of the calling machine user (<c>GET /me/usergroups</c> of the Accounts API).</summary>
public sealed record UserGroup : JsonApiResource<UserGroupAttributes>
{
    /// <summary>Gets the ids of the partitions the group gives access to (relationship <c>hasAccessTo</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> PartitionIds =>
        Relationships is not null && Relationships.TryGetValue("hasAccessTo", out var access) && access.Data is { } data
            ? [.. data.Identifiers.Select(i => i.Id)]
            : [];

    /// <summary>Gets the id of the customer owning the group (relationship <c>ownedBy</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? CustomerId => GetRelatedId("ownedBy");
}
