using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Siemens.BuildingX.Query;
using DigitalTwin.Sdk.Siemens.BuildingX.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Points;

/// <summary>Reads points and point values.</summary>
internal sealed class PointsClient(BuildingXConnection connection) : IPointsClient
{
    public AsyncPageable<Point> GetPointsAsync(string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        return connection.List(BuildingXConnection.Path("devices", deviceId, "points"), query, BuildingXJsonContext.Default.PointListDocument, "GetPoints", false, cancellationToken);
    }

    public Task<Point> GetPointAsync(string pointId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pointId);
        return connection.GetResourceAsync(BuildingXConnection.Path("points", pointId), query, BuildingXJsonContext.Default.PointDocument, "GetPoint", cancellationToken);
    }

    public AsyncPageable<PointValue> GetPointValuesAsync(string pointId, DateTimeOffset? from = null, DateTimeOffset? to = null, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pointId);
        if (from > to)
        {
            throw new ArgumentException("The start of the time range is after its end.", nameof(from));
        }

        var values = new JsonApiQuery();
        if (from is { } start)
        {
            values.Filter("timestamp", "from", start);
        }

        if (to is { } end)
        {
            values.Filter("timestamp", "to", end);
        }

        foreach (var (name, value) in query?.Parameters ?? [])
        {
            values.Parameter(name, value);
        }

        return connection.List(BuildingXConnection.Path("points", pointId, "values"), values, BuildingXJsonContext.Default.PointValueListDocument, "GetPointValues", false, cancellationToken);
    }
}
