using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>Attributes of a device.</summary>
public sealed record DeviceAttributes
{
    /// <summary>Gets the device's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the device's serial number (filter with <c>filter[serialNumber]</c>).</summary>
    public string? SerialNumber { get; init; }

    /// <summary>Gets the device's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets attributes this model does not know (the vendor adds properties over time).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
