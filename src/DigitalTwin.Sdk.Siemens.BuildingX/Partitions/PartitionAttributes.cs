using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>Attributes of a partition.</summary>
public sealed record PartitionAttributes
{
    /// <summary>Gets the partition's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the partition's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets attributes this model does not know (the vendor adds properties over time).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
