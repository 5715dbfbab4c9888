
namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>The <c>DeviceInfo</c> feature of a device, returned with <c>include=hasFeatures.DeviceInfo</c>.</summary>
public sealed record DeviceInfo : JsonApiResource<DeviceInfoAttributes>;
