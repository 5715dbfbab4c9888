using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Siemens.BuildingX.Query;
using DigitalTwin.Sdk.Siemens.BuildingX.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Devices;

/// <summary>Reads devices.</summary>
internal sealed class DevicesClient(BuildingXConnection connection) : IDevicesClient
{
    public AsyncPageable<Device> GetDevicesAsync(string partitionId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        return connection.List(BuildingXConnection.Path("partitions", partitionId, "devices"), query, BuildingXJsonContext.Default.DeviceListDocument, "GetDevices", false, cancellationToken);
    }

    public Task<Device> GetDeviceAsync(string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        return connection.GetResourceAsync(BuildingXConnection.Path("devices", deviceId), query, BuildingXJsonContext.Default.DeviceDocument, "GetDevice", cancellationToken);
    }

    public AsyncPageable<Device> GetChildDevicesAsync(string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        return connection.List(BuildingXConnection.Path("devices", deviceId, "devices"), query, BuildingXJsonContext.Default.DeviceListDocument, "GetChildDevices", true, cancellationToken);
    }
}
