using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A data point of a device: the interface to one measured or commanded value.</summary>
public sealed record Point : JsonApiResource<PointAttributes>
{
    /// <summary>Gets the id of the device hosting the point (relationship <c>isPointOf</c>), if sent.</summary>
    [JsonIgnore]
    public string? DeviceId => GetRelatedId("isPointOf");
}
