using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Query;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Partitions;

/// <summary>Partitions the calling user can access.</summary>
public interface IPartitionsClient
{
    /// <summary>Lists partitions (<c>GET /partitions</c>).</summary>
    /// <param name="query">Filters, paging, includes (e.g. <c>customer</c>) and fields; optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The partitions, fetched page by page.</returns>
    AsyncPageable<Partition> GetPartitionsAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one partition (<c>GET /partitions/{partitionId}</c>).</summary>
    /// <param name="partitionId">Partition id.</param>
    /// <param name="query">Includes and fields; optional.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentException"><paramref name="partitionId"/> is empty.</exception>
    /// <exception cref="Core.DigitalTwinNotFoundException">No such partition.</exception>
    Task<Partition> GetPartitionAsync(string partitionId, JsonApiQuery? query = null, CancellationToken cancellationToken = default);
}
