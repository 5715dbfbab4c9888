using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// Points and point values, Operations API: <c>GET /partitions/{partitionId}/devices/{deviceId}/points</c>,
/// <c>GET /partitions/{partitionId}/points/{pointId}</c> and <c>GET /partitions/{partitionId}/points/{pointId}/values</c>
/// (with the required <c>filter[timestamp][from]</c>).
/// The JSON:API query comes encoded by <see cref="JsonApiQueryConverter"/> and travels verbatim; the rate limiter is the API's sliding window (<see langword="null"/>: the client's default).
/// </summary>
[Headers("Accept: application/vnd.api+json")]
internal interface IPointsApi
{
    [Get("/partitions/{partitionId}/devices/{deviceId}/points")]
    Task<HttpResponseMessage> GetPointsAsync(
        string partitionId,
        string deviceId,
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/partitions/{partitionId}/points/{pointId}")]
    Task<HttpResponseMessage> GetPointAsync(
        string partitionId,
        string pointId,
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/partitions/{partitionId}/points/{pointId}/values")]
    Task<HttpResponseMessage> GetPointValuesAsync(
        string partitionId,
        string pointId,
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
