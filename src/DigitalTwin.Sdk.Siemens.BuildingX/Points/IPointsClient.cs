using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Data points of devices and their values; every path is nested under the partition.</summary>
public interface IPointsClient
{
    /// <summary>Lists the points of a device (<c>GET /partitions/{partitionId}/devices/{deviceId}/points</c>).</summary>
    /// <param name="partitionId">Partition id.</param>
    /// <param name="deviceId">Device id.</param>
    /// <param name="query">Filters, paging and fields; <c>Field("Point", "pointValue")</c> asks for the present value; optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The points, fetched page by page.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    AsyncPageable<Point> GetPointsAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one point (<c>GET /partitions/{partitionId}/points/{pointId}</c>).</summary>
    /// <param name="partitionId">Partition id.</param>
    /// <param name="pointId">Point id.</param>
    /// <param name="query">Includes and fields, e.g. <c>Field("Point", "pointValue")</c>; optional.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The point.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    /// <exception cref="Core.DigitalTwinNotFoundException">No such point in the partition.</exception>
    Task<Point> GetPointAsync(string partitionId, string pointId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists values of a point (<c>GET /partitions/{partitionId}/points/{pointId}/values</c> with the required
    /// <c>filter[timestamp][from]</c> and the optional <c>filter[timestamp][to]</c>).
    /// </summary>
    /// <param name="partitionId">Partition id.</param>
    /// <param name="pointId">Point id.</param>
    /// <param name="from">Earliest timestamp (inclusive); the service requires it.</param>
    /// <param name="to">Latest timestamp (exclusive), or <see langword="null"/> for the service default (now).</param>
    /// <param name="query">Further parameters (e.g. <c>PageLimit</c>); optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The values, fetched page by page.</returns>
    /// <exception cref="ArgumentException">An id is empty, or <paramref name="from"/> is after <paramref name="to"/>.</exception>
    AsyncPageable<PointValue> GetPointValuesAsync(string partitionId, string pointId, DateTimeOffset from, DateTimeOffset? to = null, JsonApiQuery? query = null, CancellationToken cancellationToken = default);
}
