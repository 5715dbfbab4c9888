using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// Devices of a partition, Operations API: <c>GET /partitions/{partitionId}/devices</c>,
/// <c>GET /partitions/{partitionId}/devices/{deviceId}</c> and <c>GET /partitions/{partitionId}/devices/{deviceId}/devices</c>.
/// The JSON:API query comes encoded by <see cref="JsonApiQueryConverter"/> and travels verbatim; the rate limiter is the API's sliding window (<see langword="null"/>: the client's default).
/// </summary>
[Headers("Accept: application/vnd.api+json")]
internal interface IDevicesApi
{
    [Get("/partitions/{partitionId}/devices")]
    Task<HttpResponseMessage> GetDevicesAsync(
        string partitionId,
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/partitions/{partitionId}/devices/{deviceId}")]
    Task<HttpResponseMessage> GetDeviceAsync(
        string partitionId,
        string deviceId,
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/partitions/{partitionId}/devices/{deviceId}/devices")]
    Task<HttpResponseMessage> GetChildDevicesAsync(
        string partitionId,
        string deviceId,
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
