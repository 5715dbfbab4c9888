using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// The calling machine user, Accounts API: <c>GET /me/usergroups</c> and <c>GET /me/customers</c>.
/// The JSON:API query comes encoded by <see cref="JsonApiQueryConverter"/> and travels verbatim; the rate limiter is the API's sliding window (<see langword="null"/>: the client's default).
/// </summary>
[Headers("Accept: application/vnd.api+json")]
internal interface IAccountApi
{
    [Get("/me/usergroups")]
    Task<HttpResponseMessage> GetUserGroupsAsync(
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/me/customers")]
    Task<HttpResponseMessage> GetCustomersAsync(
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
