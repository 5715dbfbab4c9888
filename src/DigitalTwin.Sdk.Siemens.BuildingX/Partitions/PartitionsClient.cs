using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Reads partitions from the Accounts API.</summary>
internal sealed class PartitionsClient(BuildingXConnection accounts) : IPartitionsClient
{
    public AsyncPageable<Partition> GetPartitionsAsync(string customerId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        return accounts.List(BuildingXConnection.Path("customers", customerId, "partitions"), query, BuildingXJsonContext.Default.PartitionListDocument, "GetPartitions", cancellationToken);
    }
}
