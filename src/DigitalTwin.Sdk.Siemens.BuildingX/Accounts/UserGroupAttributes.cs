using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>Attributes of a user group.</summary>
public sealed record UserGroupAttributes
{
    /// <summary>Gets the group's name, e.g. <c>CustomerOperator</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the group's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets whether machine users may be members.</summary>
    public bool? IsMachineEnabled { get; init; }

    /// <summary>Gets whether the group is defined by the system.</summary>
    public bool? IsSystemDefined { get; init; }

    /// <summary>Gets attributes this model does not know (the vendor adds properties over time).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
