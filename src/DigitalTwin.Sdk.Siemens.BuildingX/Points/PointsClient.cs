using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Reads points and point values of the Operations API.</summary>
internal sealed class PointsClient(BuildingXConnection connection) : IPointsClient
{
    public AsyncPageable<Point> GetPointsAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        return connection.List(BuildingXConnection.Path("partitions", partitionId, "devices", deviceId, "points"), query, BuildingXJsonContext.Default.PointListDocument, "GetPoints", cancellationToken);
    }

    public Task<Point> GetPointAsync(string partitionId, string pointId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pointId);
        return connection.GetResourceAsync(BuildingXConnection.Path("partitions", partitionId, "points", pointId), query, BuildingXJsonContext.Default.PointDocument, "GetPoint", cancellationToken);
    }

    public AsyncPageable<PointValue> GetPointValuesAsync(string partitionId, string pointId, DateTimeOffset from, DateTimeOffset? to = null, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pointId);
        if (from > to)
        {
            throw new ArgumentException("The start of the time range is after its end.", nameof(from));
        }

        var values = new JsonApiQuery().Filter("timestamp", "from", from);
        if (to is { } end)
        {
            values.Filter("timestamp", "to", end);
        }

        foreach (var (name, value) in query?.Parameters ?? [])
        {
            values.Parameter(name, value);
        }

        return connection.List(BuildingXConnection.Path("partitions", partitionId, "points", pointId, "values"), values, BuildingXJsonContext.Default.PointValueListDocument, "GetPointValues", cancellationToken);
    }
}
