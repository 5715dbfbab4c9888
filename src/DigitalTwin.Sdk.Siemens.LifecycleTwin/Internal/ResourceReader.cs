using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Query;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Internal;

/// <summary>
/// The one place that turns a Lifecycle Twin read into HTTP: mandatory <c>clientname</c>/<c>projectid</c> headers,
/// the query headers, page-number paging with a forced stable sort, and get-by-id answers that come as arrays.
/// </summary>
internal sealed class ResourceReader(ClientRuntime runtime, LifecycleTwinOptions options)
{
    public const string VendorName = "Siemens Lifecycle Twin";

    public LifecycleTwinOptions Options => options;

    /// <summary>Validates everything up front, then returns a lazy pageable over all pages.</summary>
    public AsyncPageable<T> List<T>(string entityPath, bool siteScoped, string? projectId, LifecycleTwinQuery? query, Selection defaultSelection, JsonTypeInfo<List<T>> listType, string operation, CancellationToken cancellationToken)
    {
        ValidatePath(entityPath, nameof(entityPath));
        var project = ResolveProject(siteScoped, projectId);
        query ??= LifecycleTwinQuery.Empty;
        if (query.RawHeaders.Any(h => string.Equals(h.Key, QueryHeaderNames.Pagination, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException("A raw 'pagination' header cannot be combined with automatic paging; use AsPages(continuationToken, pageSizeHint) to choose pages.", nameof(query));
        }

        // The vendor asks for select on every GET; the sort is one key as the doc shows: the caller's, or the unique Id
        // that a walk over all pages needs (vendor doc, "Sorting").
        var stable = query.WithDefaultSelection(defaultSelection).WithDefaultSort();
        return PageableHelpers.CreatePageNumber<T>(
            async (page, size, ct) =>
            {
                using var request = CreateRequest(entityPath, project, stable.WithPagination(new Pagination(page, size)), operation);
                var response = await runtime.SendJsonAsync(request, listType, ct).ConfigureAwait(false);
                return (response.Value, response.RequestId);
            },
            defaultPageSize: query.Pagination?.Size ?? options.PageSize,
            maxPageSize: Pagination.MaxPageSize,
            prefetch: options.PrefetchNextPage,
            cancellationToken);
    }

    public Task<T> GetAsync<T>(string entityPath, string id, bool siteScoped, string? projectId, LifecycleTwinQuery? query, Selection defaultSelection, JsonTypeInfo<T> itemType, JsonTypeInfo<List<T>> listType, string operation, CancellationToken cancellationToken)
    {
        ValidatePath(entityPath, nameof(entityPath));
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var project = ResolveProject(siteScoped, projectId);
        // A get-by-id carries the selection; filter, sort and pagination are for lists only (vendor quick start, "Filter").
        var single = (query ?? LifecycleTwinQuery.Empty).WithDefaultSelection(defaultSelection).WithFilter(null).WithSort(null).WithPagination(null);
        return GetCoreAsync(entityPath, id, project, single, itemType, listType, operation, cancellationToken);
    }

    private async Task<T> GetCoreAsync<T>(string entityPath, string id, string? project, LifecycleTwinQuery query, JsonTypeInfo<T> itemType, JsonTypeInfo<List<T>> listType, string operation, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(entityPath.TrimEnd('/') + "/" + Uri.EscapeDataString(id), project, query, operation);
        using var response = await runtime.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await runtime.EnsureSuccessAsync(request, response, cancellationToken).ConfigureAwait(false);

        // The service answers a get-by-id with an array holding the one entity (vendor doc, "Get information of a specific
        // site by id"); a bare entity is accepted too. The first token decides the shape, so the body is parsed once.
        if (HttpApi.PeekJsonToken(response, cancellationToken) != JsonTokenType.StartArray)
        {
            return await runtime.ReadJsonAsync(response, itemType, cancellationToken).ConfigureAwait(false);
        }

        var list = await runtime.ReadJsonAsync(response, listType, cancellationToken).ConfigureAwait(false);
        if (list.Count == 0)
        {
            throw new DigitalTwinNotFoundException(
                new ApiErrorInfo(VendorName, HttpStatusCode.NotFound) { RequestId = ErrorResponseParser.ReadRequestId(response), Method = "GET", Path = request.RequestUri?.AbsolutePath, ErrorCode = "EmptyResult" },
                $"{VendorName} has no {entityPath.Trim('/')} entity with id '{id}'.");
        }

        return list[0] ?? throw new DigitalTwinInvalidResponseException(
            new ApiErrorInfo(VendorName, response.StatusCode) { RequestId = ErrorResponseParser.ReadRequestId(response), Method = "GET", Path = request.RequestUri?.AbsolutePath, ErrorCode = "InvalidResponse" },
            $"{VendorName} answered GET {request.RequestUri?.AbsolutePath} with a null entity.");
    }

    private HttpRequestMessage CreateRequest(string entityPath, string? project, LifecycleTwinQuery query, string operation)
    {
        var request = runtime.CreateRequest(HttpMethod.Get, "api/" + entityPath.Trim('/'), operation);
        request.Headers.TryAddWithoutValidation("clientname", options.ClientName);
        if (project is not null)
        {
            request.Headers.TryAddWithoutValidation("projectid", project);
        }

        foreach (var header in query.GetHeaders())
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return request;
    }

    private string? ResolveProject(bool siteScoped, string? projectId)
    {
        if (!siteScoped)
        {
            return null;
        }

        var project = projectId ?? options.ProjectId;
        if (string.IsNullOrWhiteSpace(project))
        {
            throw new ArgumentException(
                "This resource is site-scoped: pass a projectId or set LifecycleTwinOptions.ProjectId (the mandatory 'projectid' header).",
                nameof(projectId));
        }

        if (project.Any(c => c < 0x20 || c > 0x7e))
        {
            throw new ArgumentException("The project id must be printable ASCII (it is sent as an HTTP header).", nameof(projectId));
        }

        return project;
    }

    private static void ValidatePath(string entityPath, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityPath, parameterName);
        foreach (var c in entityPath.Trim('/'))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '/'))
            {
                throw new ArgumentException($"'{entityPath}' is not an entity path such as 'assets' or 'spaces'.", parameterName);
            }
        }
    }
}
