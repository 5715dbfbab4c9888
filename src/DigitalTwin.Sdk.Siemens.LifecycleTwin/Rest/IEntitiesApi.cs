using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Any other entity type: <c>GET /api/{entityPath}</c> and <c>GET /api/{entityPath}/{id}</c> (the path may hold
/// slashes, e.g. <c>spaces</c> or <c>documents/folders</c>). The mandatory <c>clientname</c> header; <c>projectid</c>
/// for site-scoped entities (<see langword="null"/> otherwise, and then not sent). The query travels in headers.
/// </summary>
[Headers("Accept: application/json")]
internal interface IEntitiesApi
{
    [Get("/api/{**entityPath}")]
    Task<HttpResponseMessage> GetEntitiesAsync(
        string entityPath,
        [Header("clientname")] string clientName,
        [Header("projectid")] string? projectId,
        [Header("select")] string? select,
        [Header("filter")] string? filter,
        [Header("sort")] string? sort,
        [Header("pagination")] string? pagination,
        [HeaderCollection] IDictionary<string, string> otherHeaders,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/api/{**entityPath}/{id}")]
    Task<HttpResponseMessage> GetEntityAsync(
        string entityPath,
        string id,
        [Header("clientname")] string clientName,
        [Header("projectid")] string? projectId,
        [Header("select")] string? select,
        [Header("filter")] string? filter,
        [Header("sort")] string? sort,
        [Header("pagination")] string? pagination,
        [HeaderCollection] IDictionary<string, string> otherHeaders,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
