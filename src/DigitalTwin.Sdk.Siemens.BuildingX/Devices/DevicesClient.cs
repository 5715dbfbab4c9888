using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Reads devices of the Operations API.</summary>
internal sealed class DevicesClient(BuildingXConnection connection) : IDevicesClient
{
    public AsyncPageable<Device> GetDevicesAsync(string partitionId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        return connection.List(BuildingXConnection.Path("partitions", partitionId, "devices"), query, BuildingXJsonContext.Default.DeviceListDocument, "GetDevices", cancellationToken);
    }

    public Task<Device> GetDeviceAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        return connection.GetResourceAsync(BuildingXConnection.Path("partitions", partitionId, "devices", deviceId), query, BuildingXJsonContext.Default.DeviceDocument, "GetDevice", cancellationToken);
    }

    public AsyncPageable<Device> GetChildDevicesAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        return connection.List(BuildingXConnection.Path("partitions", partitionId, "devices", deviceId, "devices"), query, BuildingXJsonContext.Default.DeviceListDocument, "GetChildDevices", cancellationToken);
    }
}
