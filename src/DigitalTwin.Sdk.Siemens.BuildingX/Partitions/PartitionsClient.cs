using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Siemens.BuildingX.Query;
using DigitalTwin.Sdk.Siemens.BuildingX.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Partitions;

/// <summary>Reads partitions.</summary>
internal sealed class PartitionsClient(BuildingXConnection connection) : IPartitionsClient
{
    public AsyncPageable<Partition> GetPartitionsAsync(JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
        connection.List("partitions", query, BuildingXJsonContext.Default.PartitionListDocument, "GetPartitions", false, cancellationToken);

    public Task<Partition> GetPartitionAsync(string partitionId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        return connection.GetResourceAsync(BuildingXConnection.Path("partitions", partitionId), query, BuildingXJsonContext.Default.PartitionDocument, "GetPartition", cancellationToken);
    }
}
