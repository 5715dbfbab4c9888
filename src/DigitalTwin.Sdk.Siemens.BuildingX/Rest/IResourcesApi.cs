using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// Any JSON:API path of an API, for resources the package does not model: <c>GET</c>, <c>POST</c>, <c>PATCH</c> and
/// <c>DELETE</c> of <c>/{path}</c>. The caller's path is sent as given (it may hold slashes and is not escaped again).
/// The JSON:API query comes encoded by <see cref="JsonApiQueryConverter"/> and travels verbatim; the rate limiter is the API's sliding window (<see langword="null"/>: the client's default).
/// A body is a JSON:API document with <c>Content-Type: application/vnd.api+json</c> and no media type parameter.
/// </summary>
[Headers("Accept: application/vnd.api+json")]
internal interface IResourcesApi
{
    [Get("/{**path}")]
    Task<HttpResponseMessage> GetAsync(
        [Encoded] string path,
        [Query, Encoded] IDictionary<string, string> query,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Post("/{**path}")]
    Task<HttpResponseMessage> PostAsync(
        [Encoded] string path,
        [Body] HttpContent document,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Patch("/{**path}")]
    Task<HttpResponseMessage> PatchAsync(
        [Encoded] string path,
        [Body] HttpContent document,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Delete("/{**path}")]
    Task<HttpResponseMessage> DeleteAsync(
        [Encoded] string path,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter? rateLimiter,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
