using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>Attributes of a <c>DeviceInfo</c> feature.</summary>
public sealed record DeviceInfoAttributes
{
    /// <summary>Gets the manufacturer.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>Gets the model or product name.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the firmware version.</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>Gets attributes this model does not know (the vendor adds properties over time).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
