using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Reads locations over <see cref="ILocationsApi"/>.</summary>
internal sealed class LocationsClient(BuildingXConnection connection, ILocationsApi api) : ILocationsClient
{
    public AsyncPageable<Location> GetLocationsAsync(string partitionId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        return connection.List(query, BuildingXJsonContext.Default.LocationListDocument, "GetLocations", (q, limiter, operation, ct) => api.GetLocationsAsync(partitionId, q, limiter, operation, ct), cancellationToken);
    }

    public Task<Location> GetLocationAsync(string partitionId, string locationId, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        return connection.GetResourceAsync(query, BuildingXJsonContext.Default.LocationDocument, "GetLocation", (q, limiter, operation, ct) => api.GetLocationAsync(partitionId, locationId, q, limiter, operation, ct), cancellationToken);
    }
}
