using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Reads devices of the Operations API over <see cref="IDevicesApi"/>.</summary>
internal sealed class DevicesClient(BuildingXConnection connection, IDevicesApi api) : IDevicesClient
{
    public AsyncPageable<Device> GetDevicesAsync(string partitionId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        return connection.List(query, BuildingXJsonContext.Default.DeviceListDocument, "GetDevices", (q, limiter, operation, ct) => api.GetDevicesAsync(partitionId, q, limiter, operation, ct), cancellationToken);
    }

    public Task<Device> GetDeviceAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        return connection.GetResourceAsync(query, BuildingXJsonContext.Default.DeviceDocument, "GetDevice", (q, limiter, operation, ct) => api.GetDeviceAsync(partitionId, deviceId, q, limiter, operation, ct), cancellationToken);
    }

    public AsyncPageable<Device> GetChildDevicesAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        return connection.List(query, BuildingXJsonContext.Default.DeviceListDocument, "GetChildDevices", (q, limiter, operation, ct) => api.GetChildDevicesAsync(partitionId, deviceId, q, limiter, operation, ct), cancellationToken);
    }
}
