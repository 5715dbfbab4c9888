using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Reads partitions from the Accounts API over <see cref="IPartitionsApi"/>.</summary>
internal sealed class PartitionsClient(BuildingXConnection accounts, IPartitionsApi api) : IPartitionsClient
{
    public AsyncPageable<Partition> GetPartitionsAsync(string customerId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        return accounts.List(query, BuildingXJsonContext.Default.PartitionListDocument, "GetPartitions", (q, limiter, operation, ct) => api.GetPartitionsAsync(customerId, q, limiter, operation, ct), cancellationToken);
    }
}
