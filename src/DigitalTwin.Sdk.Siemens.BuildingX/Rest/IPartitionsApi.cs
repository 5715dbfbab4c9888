using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// Partitions of a customer, Accounts API: <c>GET /customers/{customerId}/partitions</c>.
/// The JSON:API query comes encoded by <see cref="JsonApiQueryConverter"/> and travels verbatim; the rate limiter is the API's sliding window (<see langword="null"/>: the client's default).
/// </summary>
[Headers("Accept: application/vnd.api+json")]
internal interface IPartitionsApi
{
    [Get("/customers/{customerId}/partitions")]
    Task<HttpResponseMessage> GetPartitionsAsync(
        string customerId,
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
