using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Query;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Points;

/// <summary>Data points of devices and their values.</summary>
public interface IPointsClient
{
    /// <summary>Lists the points of a device (<c>GET /devices/{deviceId}/points</c>).</summary>
    /// <param name="deviceId">Device id.</param>
    /// <param name="query">Filters, paging and fields; <c>Field(...)</c> asks for extra fields; optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The points, fetched page by page.</returns>
    /// <exception cref="ArgumentException"><paramref name="deviceId"/> is empty.</exception>
    AsyncPageable<Point> GetPointsAsync(string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one point (<c>GET /points/{pointId}</c>).</summary>
    /// <param name="pointId">Point id.</param>
    /// <param name="query">Includes and fields; optional.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The point.</returns>
    /// <exception cref="ArgumentException"><paramref name="pointId"/> is empty.</exception>
    /// <exception cref="Core.DigitalTwinNotFoundException">No such point.</exception>
    Task<Point> GetPointAsync(string pointId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists values of a point (<c>GET /points/{pointId}/values</c> with <c>filter[timestamp][from]</c> and
    /// <c>filter[timestamp][to]</c>).
    /// </summary>
    /// <param name="pointId">Point id.</param>
    /// <param name="from">Earliest timestamp, or <see langword="null"/> for the service default.</param>
    /// <param name="to">Latest timestamp, or <see langword="null"/> for the service default.</param>
    /// <param name="query">Further parameters (e.g. <c>PageLimit</c>); optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The values, fetched page by page.</returns>
    /// <exception cref="ArgumentException"><paramref name="pointId"/> is empty, or <paramref name="from"/> is after <paramref name="to"/>.</exception>
    AsyncPageable<PointValue> GetPointValuesAsync(string pointId, DateTimeOffset? from = null, DateTimeOffset? to = null, JsonApiQuery? query = null, CancellationToken cancellationToken = default);
}
