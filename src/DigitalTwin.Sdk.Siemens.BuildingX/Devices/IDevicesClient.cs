using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Devices of a partition and the child devices behind gateways; every path is nested under the partition.</summary>
public interface IDevicesClient
{
    /// <summary>Lists devices (<c>GET /partitions/{partitionId}/devices</c>).</summary>
    /// <param name="partitionId">Partition id.</param>
    /// <param name="query">
    /// E.g. <c>Filter("serialNumber", "12345")</c>, <c>Filter("hasLocation.data.id", roomId)</c>,
    /// <c>Include("hasFeatures.DeviceInfo")</c> (then <see cref="Device.GetDeviceInfo"/> works); optional.
    /// </param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The devices, fetched page by page.</returns>
    /// <exception cref="ArgumentException"><paramref name="partitionId"/> is empty.</exception>
    AsyncPageable<Device> GetDevicesAsync(string partitionId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one device (<c>GET /partitions/{partitionId}/devices/{deviceId}</c>).</summary>
    /// <param name="partitionId">Partition id.</param>
    /// <param name="deviceId">Device id.</param>
    /// <param name="query">Includes and fields; optional.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The device.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    /// <exception cref="Core.DigitalTwinNotFoundException">No such device in the partition.</exception>
    Task<Device> GetDeviceAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the devices behind a gateway (<c>GET /partitions/{partitionId}/devices/{deviceId}/devices</c>).</summary>
    /// <param name="partitionId">Partition id.</param>
    /// <param name="deviceId">Gateway device id.</param>
    /// <param name="query">Filters, paging, includes and fields; optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The child devices; empty only when the service answers an empty list.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    /// <exception cref="Core.DigitalTwinNotFoundException">
    /// The service answered 404 (unknown partition or device, or a wrong path); thrown while enumerating. A 404 is never
    /// read as "no children".
    /// </exception>
    AsyncPageable<Device> GetChildDevicesAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);
}
