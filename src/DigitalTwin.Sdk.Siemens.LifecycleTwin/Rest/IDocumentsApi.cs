using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Documents of a site: <c>GET /api/documents</c> and <c>GET /api/documents/{id}</c>. Site-scoped: the mandatory <c>clientname</c> and
/// <c>projectid</c> headers. The query travels in headers (<c>select</c>, <c>filter</c>, <c>sort</c>, <c>pagination</c>);
/// a <see langword="null"/> header is not sent.
/// </summary>
[Headers("Accept: application/json")]
internal interface IDocumentsApi
{
    [Get("/api/documents")]
    Task<HttpResponseMessage> GetDocumentsAsync(
        [Header("clientname")] string clientName,
        [Header("projectid")] string projectId,
        [Header("select")] string? select,
        [Header("filter")] string? filter,
        [Header("sort")] string? sort,
        [Header("pagination")] string? pagination,
        [HeaderCollection] IDictionary<string, string> otherHeaders,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/api/documents/{id}")]
    Task<HttpResponseMessage> GetDocumentAsync(
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
