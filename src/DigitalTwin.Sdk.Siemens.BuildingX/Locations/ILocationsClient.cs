using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Locations (campus, buildings, floors, rooms) of a partition.</summary>
public interface ILocationsClient
{
    /// <summary>Lists locations (<c>GET /partitions/{partitionId}/locations</c>).</summary>
    /// <param name="partitionId">Partition id.</param>
    /// <param name="query">E.g. <c>Filter("type", "Building").Fields("Building", "label")</c>; optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The locations, fetched page by page.</returns>
    /// <exception cref="ArgumentException"><paramref name="partitionId"/> is empty.</exception>
    AsyncPageable<Location> GetLocationsAsync(string partitionId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one location (<c>GET /partitions/{partitionId}/locations/{locationId}</c>).</summary>
    /// <param name="partitionId">Partition id.</param>
    /// <param name="locationId">Location id.</param>
    /// <param name="query">Includes (e.g. <c>isPartOf</c>) and fields; optional.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    /// <exception cref="Core.DigitalTwinNotFoundException">No such location.</exception>
    Task<Location> GetLocationAsync(string partitionId, string locationId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);
}
