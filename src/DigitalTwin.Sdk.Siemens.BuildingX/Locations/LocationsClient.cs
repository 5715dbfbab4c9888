using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Reads locations.</summary>
internal sealed class LocationsClient(BuildingXConnection connection) : ILocationsClient
{
    public AsyncPageable<Location> GetLocationsAsync(string partitionId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        return connection.List(BuildingXConnection.Path("partitions", partitionId, "locations"), query, BuildingXJsonContext.Default.LocationListDocument, "GetLocations", cancellationToken);
    }

    public Task<Location> GetLocationAsync(string partitionId, string locationId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        return connection.GetResourceAsync(BuildingXConnection.Path("partitions", partitionId, "locations", locationId), query, BuildingXJsonContext.Default.LocationDocument, "GetLocation", cancellationToken);
    }
}
