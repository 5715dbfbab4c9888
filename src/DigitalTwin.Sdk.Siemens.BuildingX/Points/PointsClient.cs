using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Reads points and point values of the Operations API over <see cref="IPointsApi"/>.</summary>
internal sealed class PointsClient(BuildingXConnection connection, IPointsApi api) : IPointsClient
{
    public AsyncPageable<Point> GetPointsAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        return connection.List(query, BuildingXJsonContext.Default.PointListDocument, "GetPoints", (q, limiter, operation, ct) => api.GetPointsAsync(partitionId, deviceId, q, limiter, operation, ct), cancellationToken);
    }

    public Task<Point> GetPointAsync(string partitionId, string pointId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pointId);
        return connection.GetResourceAsync(query, BuildingXJsonContext.Default.PointDocument, "GetPoint", (q, limiter, operation, ct) => api.GetPointAsync(partitionId, pointId, q, limiter, operation, ct), cancellationToken);
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

        return connection.List(values, BuildingXJsonContext.Default.PointValueListDocument, "GetPointValues", (q, limiter, operation, ct) => api.GetPointValuesAsync(partitionId, pointId, q, limiter, operation, ct), cancellationToken);
    }
}
