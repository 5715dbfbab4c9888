using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Internal;

/// <summary>
/// The JSON:API plumbing every Building X sub-client uses: requests with <c>application/vnd.api+json</c>, single
/// resources with their includes, next-link paging that stays on the configured origin, and writes.
/// </summary>
/// <remarks>Thread-safe; the pipeline (retries, rate limit, token, error mapping) comes from the core runtime.</remarks>
internal sealed class BuildingXConnection(ClientRuntime runtime, Uri? apiBaseUrl, string pageSizeParameter)
{
    public const string MediaType = "application/vnd.api+json";

    /// <summary>The page-size parameter of the Operations API (developer guide, "Controlling Page Size").</summary>
    public const string OperationsPageSize = "page[limit]";

    /// <summary>The page-size parameter of the Accounts API (its OpenAPI document).</summary>
    public const string AccountsPageSize = "page[size]";

    private readonly RateLimiter? _limiter = CreateLimiter(runtime, apiBaseUrl);

    public ClientRuntime Runtime { get; } = runtime;

    private Uri BaseUrl => apiBaseUrl ?? throw new InvalidOperationException("The API base URL is not configured.");

    /// <summary>Joins path segments, escaping each (ids may contain any character).</summary>
    public static string Path(params string[] segments)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(i % 2 == 0 ? segments[i] : Uri.EscapeDataString(segments[i]));
        }

        return builder.ToString();
    }

    public async Task<TResource> GetResourceAsync<TResource>(string path, JsonApiQuery? query, JsonTypeInfo<JsonApiDocument<TResource>> typeInfo, string operation, CancellationToken cancellationToken)
        where TResource : JsonApiResource
    {
        await EnsureTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = CreateRequest(HttpMethod.Get, path + (query?.ToQueryString() ?? string.Empty), operation);
        var response = await Runtime.SendJsonAsync(request, typeInfo, cancellationToken).ConfigureAwait(false);
        var data = response.Value.Data
            ?? throw Invalid(response.Status, response.RequestId, request, "the document has no primary data");
        return JsonApiIncluded.Attach(data, response.Value.Included) with { RequestId = response.RequestId };
    }

    public AsyncPageable<TResource> List<TResource>(
        string path,
        JsonApiQuery? query,
        JsonTypeInfo<JsonApiDocument<IReadOnlyList<TResource>>> typeInfo,
        string operation,
        CancellationToken cancellationToken)
        where TResource : JsonApiResource =>
        PageableHelpers.Create<TResource>(
            (token, hint, ct) => FetchPageAsync(path, query, typeInfo, operation, token, hint, ct),
            cancellationToken: cancellationToken);

    public async Task<JsonApiWriteResult> SendDocumentAsync(HttpMethod method, string path, JsonApiDocument<JsonApiResource<JsonElement>>? document, string operation, CancellationToken cancellationToken)
    {
        await EnsureTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = CreateRequest(method, path, operation);
        if (document is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(document, BuildingXJsonContext.Default.ResourceDocument));

            // JSON:API servers answer 415 to any media type parameter (a charset included), so none is sent.
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
        }

        using var response = await Runtime.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var requestId = Runtime.Definition.ErrorParser.ReadRequestId(response);
        JsonApiDocument<JsonApiResource<JsonElement>>? body = null;
        if (response.StatusCode != HttpStatusCode.NoContent && response.Content.Headers.ContentLength is not 0)
        {
            body = await Runtime.ReadJsonAsync(response, BuildingXJsonContext.Default.ResourceDocument, cancellationToken).ConfigureAwait(false);
        }

        var resource = body?.Data is null ? null : JsonApiIncluded.Attach(body.Data, body.Included);
        return new JsonApiWriteResult(response.StatusCode, resource, body?.Meta, response.Headers.Location, requestId);
    }

    private async Task<Page<TResource>> FetchPageAsync<TResource>(
        string path,
        JsonApiQuery? query,
        JsonTypeInfo<JsonApiDocument<IReadOnlyList<TResource>>> typeInfo,
        string operation,
        string? continuationToken,
        int? pageSizeHint,
        CancellationToken cancellationToken)
        where TResource : JsonApiResource
    {
        string target;
        if (continuationToken is null)
        {
            target = path + FirstPageQuery(query, pageSizeHint);
        }
        else if (NextLinkResolver.TryResolve(BaseUrl, continuationToken, out var resumed))
        {
            target = resumed.AbsoluteUri;
        }
        else
        {
            throw new ArgumentException("The continuation token is not a next link of this API.", nameof(continuationToken));
        }

        await EnsureTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = CreateRequest(HttpMethod.Get, target, operation);
        // A 404 is never read as an empty list: it means a wrong path or an unknown parent (DigitalTwinNotFoundException).
        var response = await Runtime.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            var requestId = Runtime.Definition.ErrorParser.ReadRequestId(response);
            var document = await Runtime.ReadJsonAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
            var items = JsonApiIncluded.Attach(document.Data ?? [], document.Included);
            string? next = null;
            if (document.Links?.Next is { } link)
            {
                if (!NextLinkResolver.TryResolve(BaseUrl, link.Href, out var nextUrl))
                {
                    throw Invalid(response.StatusCode, requestId, request, $"its next link points outside {BaseUrl.GetLeftPart(UriPartial.Authority)}; it is not followed so the token cannot leak");
                }

                next = NextLinkResolver.KeepSelection(nextUrl, query, pageSizeHint ?? PageLimitOf(query), pageSizeParameter).AbsoluteUri;
            }

            return new Page<TResource>(items, next, requestId);
        }
    }

    /// <summary>
    /// Gets the token before the request takes its rate-limit permit: the core takes the permit first and the token
    /// second, so a permit taken while a token is fetched would be spent long before the request arrives, and the
    /// service (which counts arrivals) could then see more than its limit within one second.
    /// </summary>
    private async ValueTask EnsureTokenAsync(CancellationToken cancellationToken)
    {
        if (Runtime.Tokens is { } tokens)
        {
            await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Gets the API's sliding-window limiter from the runtime's registry (shared by every client of that API in the
    /// registry), or <see langword="null"/> when limiting is off. A token bucket would let 11 requests fall inside one
    /// second at a nominal 10/s; Building X counts 10 requests per second and API strictly.
    /// </summary>
    private static RateLimiter? CreateLimiter(ClientRuntime runtime, Uri? apiBaseUrl)
    {
        var options = runtime.Options;
        var rate = options.RateLimit?.PermitsPerSecond ?? 0;
        if (rate <= 0 || apiBaseUrl is null || runtime.RateLimiters is null)
        {
            return null;
        }

        var window = (options as BuildingXOptions)?.RateLimitWindow ?? TimeSpan.FromSeconds(1);
        var permits = Math.Max(1, (int)Math.Floor(rate));
        var quota = new RateLimitQuota(runtime.Vendor + "|" + apiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'), RateLimitKind.SlidingWindow, permits, window)
        {
            QueueLimit = options.RateLimit!.QueueLimit,
        };
        return runtime.RateLimiters.GetOrCreate(quota, runtime.Time);
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string target, string operation)
    {
        var absolute = Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : new Uri(new Uri(BaseUrl.AbsoluteUri.TrimEnd('/') + "/"), target.TrimStart('/'));
        var request = Runtime.CreateRequest(method, absolute.AbsoluteUri, operation);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        if (_limiter is not null)
        {
            // The core's RateLimitHandler takes this permit before every attempt, retries included.
            request.Options.Set(DigitalTwinRequestOptions.RateLimiterKey, _limiter);
        }

        return request;
    }

    private string FirstPageQuery(JsonApiQuery? query, int? pageSizeHint)
    {
        if (pageSizeHint is null)
        {
            return query?.ToQueryString() ?? string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var (name, value) in query?.Parameters ?? [])
        {
            if (name != pageSizeParameter)
            {
                JsonApiQuery.AppendEncoded(builder, name, value);
            }
        }

        JsonApiQuery.AppendEncoded(builder, pageSizeParameter, pageSizeHint.Value.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private int? PageLimitOf(JsonApiQuery? query)
    {
        foreach (var (name, value) in query?.Parameters ?? [])
        {
            if (name == pageSizeParameter && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
            {
                return limit;
            }
        }

        return null;
    }

    private DigitalTwinInvalidResponseException Invalid(HttpStatusCode status, string? requestId, HttpRequestMessage request, string what)
    {
        var info = new ApiErrorInfo(Runtime.Vendor, status)
        {
            RequestId = requestId,
            Method = request.Method.Method,
            Path = request.RequestUri?.AbsolutePath,
            ErrorCode = "InvalidResponse",
        };
        var id = requestId is null ? string.Empty : $" (request id {requestId})";
        return new DigitalTwinInvalidResponseException(info, $"{Runtime.Vendor} answered {info.Method} {info.Path} with {(int)status}, but {what}{id}.");
    }
}
