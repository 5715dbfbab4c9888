
namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A partition: the unit of data access that holds locations and devices.</summary>
public sealed record Partition : JsonApiResource<PartitionAttributes>
{
    /// <summary>Gets the id of the customer owning the partition (relationship <c>ownedByCustomer</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? CustomerId => GetRelatedId("ownedByCustomer");
}
