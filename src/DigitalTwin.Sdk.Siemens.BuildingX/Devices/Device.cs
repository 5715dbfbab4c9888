using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A device: equipment with computing ability (controllers, sensors, gateways, ...).</summary>
public sealed record Device : JsonApiResource<DeviceAttributes>
{
    /// <summary>Gets the id of the location the device is in (relationship <c>hasLocation</c>), if any.</summary>
    [JsonIgnore]
    public string? LocationId => GetRelatedId("hasLocation");

    /// <summary>Gets the device's <c>DeviceInfo</c> feature from the response's included resources.</summary>
    /// <returns>The feature, or <see langword="null"/> when the request did not <c>include=hasFeatures.DeviceInfo</c>.</returns>
    public DeviceInfo? GetDeviceInfo()
    {
        var found = GetRelated("hasFeatures.DeviceInfo", BuildingXJsonContext.Default.DeviceInfo);
        return found.Count > 0 ? found[0] : null;
    }
}
