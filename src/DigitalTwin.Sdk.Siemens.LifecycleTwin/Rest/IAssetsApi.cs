using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Assets of a site: <c>GET /api/assets</c> and <c>GET /api/assets/{id}</c>. Site-scoped: the mandatory <c>clientname</c> and
/// <c>projectid</c> headers. The query travels in headers (<c>select</c>, <c>filter</c>, <c>sort</c>, <c>pagination</c>);
/// a <see langword="null"/> header is not sent.
/// </summary>
[Headers("Accept: application/json")]
internal interface IAssetsApi
{
    [Get("/api/assets")]
    Task<HttpResponseMessage> GetAssetsAsync(
        [Header("clientname")] string clientName,
        [Header("projectid")] string projectId,
        [Header("select")] string? select,
        [Header("filter")] string? filter,
        [Header("sort")] string? sort,
        [Header("pagination")] string? pagination,
        [HeaderCollection] IDictionary<string, string> otherHeaders,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/api/assets/{id}")]
    Task<HttpResponseMessage> GetAssetAsync(
        string id,
        [Header("clientname")] string clientName,
        [Header("projectid")] string projectId,
        [Header("select")] string? select,
        [Header("filter")] string? filter,
        [Header("sort")] string? sort,
        [Header("pagination")] string? pagination,
        [HeaderCollection] IDictionary<string, string> otherHeaders,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
