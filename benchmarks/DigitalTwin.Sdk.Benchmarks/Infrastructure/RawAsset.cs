using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// The raw baseline's hand-written asset DTO: the same members as the SDK's <see cref="Asset"/> (nested references are
/// the SDK's own types), with the framework's default timestamp handling instead of the SDK's internal converter.
/// </summary>
public sealed class RawAsset
{
    /// <summary>Gets the id.</summary>
    public string? Id { get; set; }

    /// <summary>Gets the name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; set; }

    /// <summary>Gets the project id.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Gets the serial number.</summary>
    public string? SerialNumber { get; set; }

    /// <summary>Gets the quantity.</summary>
    public decimal? Quantity { get; set; }

    /// <summary>Gets the installation date.</summary>
    public DateTimeOffset? InstallationDate { get; set; }

    /// <summary>Gets the creation time.</summary>
    public DateTimeOffset? CreatedOn { get; set; }

    /// <summary>Gets the location.</summary>
    public EntityReference? Location { get; set; }

    /// <summary>Gets the systems.</summary>
    public IReadOnlyList<EntityReference>? Systems { get; set; }

    /// <summary>Gets the model objects.</summary>
    public IReadOnlyList<ModelObjectReference>? ModelObjects { get; set; }

    /// <summary>Gets the custom fields.</summary>
    public IReadOnlyList<CustomFieldValue>? CustomFields { get; set; }

    /// <summary>Gets members the DTO does not declare.</summary>
    [JsonExtensionData]
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Deserialization target.")]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
