using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Sites (projects) of the portfolio: <c>GET /api/clientprojects</c> and <c>GET /api/clientprojects/{id}</c>. Not
/// site-scoped: the mandatory <c>clientname</c> header, no <c>projectid</c>. The query travels in headers
/// (<c>select</c>, <c>filter</c>, <c>sort</c>, <c>pagination</c>); a <see langword="null"/> header is not sent.
/// </summary>
[Headers("Accept: application/json")]
internal interface ISitesApi
{
    [Get("/api/clientprojects")]
    Task<HttpResponseMessage> GetSitesAsync(
        [Header("clientname")] string clientName,
        [Header("select")] string? select,
        [Header("filter")] string? filter,
        [Header("sort")] string? sort,
        [Header("pagination")] string? pagination,
        [HeaderCollection] IDictionary<string, string> otherHeaders,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/api/clientprojects/{id}")]
    Task<HttpResponseMessage> GetSiteAsync(
        string id,
        [Header("clientname")] string clientName,
        [Header("select")] string? select,
        [Header("filter")] string? filter,
        [Header("sort")] string? sort,
        [Header("pagination")] string? pagination,
        [HeaderCollection] IDictionary<string, string> otherHeaders,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
