using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>Attributes of a location.</summary>
public sealed record LocationAttributes
{
    /// <summary>Gets the location's label, e.g. <c>Building A</c>.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the location's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets attributes this model does not know (the vendor adds properties over time).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
