using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// What every Lifecycle Twin read shares on top of its declared endpoint: validation before sending, the default
/// selection and stable sort, page-number paging, typed errors, and get-by-id answers that come as arrays.
/// </summary>
/// <remarks>The endpoint itself (path, headers) is a call on a Refit interface, passed in as <c>send</c>.</remarks>
internal sealed class ResourceReader(ClientRuntime runtime, LifecycleTwinOptions options)
{
    public const string VendorName = "Siemens Lifecycle Twin";

    public LifecycleTwinOptions Options => options;

    /// <summary>Gets the portfolio name sent in the mandatory <c>clientname</c> header (validated with the options).</summary>
    public string ClientName => options.ClientName!;

    /// <summary>Validates the query up front, then returns a lazy pageable over all pages.</summary>
    public AsyncPageable<T> List<T>(LifecycleTwinQuery? query, Selection defaultSelection, JsonTypeInfo<List<T>> listType, Func<QueryHeaders, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
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
                var headers = QueryHeaders.From(stable.WithPagination(new Pagination(page, size)));
                using var response = await send(headers, ct).ConfigureAwait(false);
                await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
                var values = await runtime.ReadJsonAsync(response, listType, ct).ConfigureAwait(false);
                return (values, runtime.Definition.ErrorParser.ReadRequestId(response));
            },
            defaultPageSize: query.Pagination?.Size ?? options.PageSize,
            maxPageSize: Pagination.MaxPageSize,
            prefetch: options.PrefetchNextPage,
            cancellationToken);
    }

    /// <summary>Validates the id, then reads one entity (the caller validated everything else).</summary>
    public Task<T> GetAsync<T>(string entityName, string id, LifecycleTwinQuery? query, Selection defaultSelection, JsonTypeInfo<T> itemType, JsonTypeInfo<List<T>> listType, Func<QueryHeaders, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);

        // A get-by-id carries the selection; filter, sort and pagination are for lists only (vendor quick start, "Filter").
        // Without a query it sends the default selection alone, so no query objects are built for the common call.
        var headers = query is null
            ? QueryHeaders.SelectOnly(defaultSelection)
            : QueryHeaders.From(query.WithDefaultSelection(defaultSelection).WithFilter(null).WithSort(null).WithPagination(null));
        return GetCoreAsync(entityName, id, headers, itemType, listType, send, cancellationToken);
    }

    /// <summary>Returns the project id a site-scoped request sends: the caller's, else the configured default.</summary>
    /// <exception cref="ArgumentException">Neither is set, or the id is not header-safe.</exception>
    public string ResolveProject(string? projectId)
    {
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

    /// <summary>Checks a caller's entity path (<c>spaces</c>, <c>documents/folders</c>) and returns it without outer slashes.</summary>
    /// <exception cref="ArgumentException">The path is empty or holds anything but letters, digits, <c>_</c>, <c>-</c> and <c>/</c>.</exception>
    public static string ValidatePath(string entityPath, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityPath, parameterName);
        var trimmed = entityPath.Trim('/');
        foreach (var c in trimmed)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '/'))
            {
                throw new ArgumentException($"'{entityPath}' is not an entity path such as 'assets' or 'spaces'.", parameterName);
            }
        }

        return trimmed;
    }

    private async Task<T> GetCoreAsync<T>(string entityName, string id, QueryHeaders headers, JsonTypeInfo<T> itemType, JsonTypeInfo<List<T>> listType, Func<QueryHeaders, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        using var response = await send(headers, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);

        // The service answers a get-by-id with an array holding the one entity (vendor doc, "Get information of a specific
        // site by id"); a bare entity is accepted too. The first token decides the shape, so the body is parsed once.
        if (HttpApi.PeekJsonToken(response, cancellationToken) != JsonTokenType.StartArray)
        {
            return await runtime.ReadJsonAsync(response, itemType, cancellationToken).ConfigureAwait(false);
        }

        var list = await runtime.ReadJsonAsync(response, listType, cancellationToken).ConfigureAwait(false);
        var path = response.RequestMessage?.RequestUri?.AbsolutePath;
        if (list.Count == 0)
        {
            throw new DigitalTwinNotFoundException(
                new ApiErrorInfo(VendorName, HttpStatusCode.NotFound) { RequestId = runtime.Definition.ErrorParser.ReadRequestId(response), Method = "GET", Path = path, ErrorCode = "EmptyResult" },
                $"{VendorName} has no {entityName} entity with id '{id}'.");
        }

        return list[0] ?? throw new DigitalTwinInvalidResponseException(
            new ApiErrorInfo(VendorName, response.StatusCode) { RequestId = runtime.Definition.ErrorParser.ReadRequestId(response), Method = "GET", Path = path, ErrorCode = "InvalidResponse" },
            $"{VendorName} answered GET {path} with a null entity.");
    }

    /// <summary>Turns an error status into the SDK's typed exception (the declared endpoints return every status).</summary>
    private ValueTask EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        runtime.EnsureSuccessAsync(response.RequestMessage!, response, cancellationToken);
}
