using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// Locations of a partition, Operations API: <c>GET /partitions/{partitionId}/locations</c> and
/// <c>GET /partitions/{partitionId}/locations/{locationId}</c>.
/// The JSON:API query comes encoded by <see cref="JsonApiQueryConverter"/> and travels verbatim; the rate limiter is the API's sliding window (<see langword="null"/>: the client's default).
/// </summary>
[Headers("Accept: application/vnd.api+json")]
internal interface ILocationsApi
{
    [Get("/partitions/{partitionId}/locations")]
    Task<HttpResponseMessage> GetLocationsAsync(
        string partitionId,
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/partitions/{partitionId}/locations/{locationId}")]
    Task<HttpResponseMessage> GetLocationAsync(
        string partitionId,
        string locationId,
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
