using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
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
/// Sends one declared Building X request (a call on a <c>Rest/</c> interface): the encoded JSON:API query, the API's
/// rate limiter and the operation name go in, the undisposed response comes out.
/// </summary>
/// <param name="query">The query, encoded by <see cref="JsonApiQueryConverter"/>.</param>
/// <param name="rateLimiter">The API's sliding-window limiter, or <see langword="null"/> when limiting is off.</param>
/// <param name="operation">The operation name for telemetry and errors.</param>
/// <param name="cancellationToken">Cancels the request.</param>
/// <returns>The response, whatever its status.</returns>
internal delegate Task<HttpResponseMessage> JsonApiSend(IDictionary<string, string> query, RateLimiter? rateLimiter, string operation, CancellationToken cancellationToken);

/// <summary>
/// What every Building X read and write shares on top of its declared endpoint (<c>Rest/</c>): the token before the
/// rate-limit permit, single resources with their includes, next-link paging that stays on the configured origin,
/// JSON:API write bodies, and typed errors.
/// </summary>
/// <remarks>
/// Thread-safe; the pipeline (retries, rate limit, token, error mapping) comes from the core runtime. A first page goes
/// through the declared endpoint; a <c>links.next</c> URL is the server's absolute URL and goes straight through the
/// pipeline once <see cref="NextLinkResolver"/> has kept it on the configured origin.
/// </remarks>
internal sealed class BuildingXConnection(ClientRuntime runtime, Uri? apiBaseUrl, string pageSizeParameter)
{
    public const string MediaType = "application/vnd.api+json";

    /// <summary>The page-size parameter of the Operations API (developer guide, "Controlling Page Size").</summary>
    public const string OperationsPageSize = "page[limit]";

    /// <summary>The page-size parameter of the Accounts API (its OpenAPI document).</summary>
    public const string AccountsPageSize = "page[size]";

    private readonly RateLimiter? _limiter = CreateLimiter(runtime, apiBaseUrl);

    public ClientRuntime Runtime { get; } = runtime;

    private Uri BaseUrl => apiBaseUrl ?? throw NotConfigured();

    public async Task<TResource> GetResourceAsync<TResource>(JsonApiQuery? query, JsonTypeInfo<JsonApiDocument<TResource>> typeInfo, string operation, JsonApiSend send, CancellationToken cancellationToken)
        where TResource : JsonApiResource
    {
        EnsureConfigured();
        await EnsureTokenAsync(cancellationToken).ConfigureAwait(false);
        var parameters = query is null ? JsonApiQueryConverter.Empty : JsonApiQueryConverter.ToEncodedParameters(query.Parameters);
        using var response = await send(parameters, _limiter, operation, cancellationToken).ConfigureAwait(false);
        var request = response.RequestMessage!;
        await Runtime.EnsureSuccessAsync(request, response, cancellationToken).ConfigureAwait(false);
        var requestId = Runtime.Definition.ErrorParser.ReadRequestId(response);
        var document = await Runtime.ReadJsonAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
        var data = document.Data
            ?? throw Invalid(response.StatusCode, requestId, request, "the document has no primary data");
        return JsonApiIncluded.Attach(data, document.Included) with { RequestId = requestId };
    }

    public AsyncPageable<TResource> List<TResource>(
        JsonApiQuery? query,
        JsonTypeInfo<JsonApiDocument<IReadOnlyList<TResource>>> typeInfo,
        string operation,
        JsonApiSend send,
        CancellationToken cancellationToken)
        where TResource : JsonApiResource =>
        PageableHelpers.Create<TResource>(
            (token, hint, ct) => FetchPageAsync(query, typeInfo, operation, send, token, hint, ct),
            cancellationToken: cancellationToken);

    /// <summary>Sends a write (<paramref name="document"/> <see langword="null"/> for a DELETE) and reads the outcome.</summary>
    public async Task<JsonApiWriteResult> SendDocumentAsync(JsonApiDocument<JsonApiResource<JsonElement>>? document, Func<HttpContent?, RateLimiter?, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        EnsureConfigured();
        await EnsureTokenAsync(cancellationToken).ConfigureAwait(false);
        HttpContent? content = null;
        if (document is not null)
        {
            content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(document, BuildingXJsonContext.Default.ResourceDocument));

            // JSON:API servers answer 415 to any media type parameter (a charset included), so none is sent.
            content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
        }

        using (content)
        {
            using var response = await send(content, _limiter, cancellationToken).ConfigureAwait(false);
            await Runtime.EnsureSuccessAsync(response.RequestMessage!, response, cancellationToken).ConfigureAwait(false);
            var requestId = Runtime.Definition.ErrorParser.ReadRequestId(response);
            JsonApiDocument<JsonApiResource<JsonElement>>? body = null;
            if (response.StatusCode != HttpStatusCode.NoContent && response.Content.Headers.ContentLength is not 0)
            {
                body = await Runtime.ReadJsonAsync(response, BuildingXJsonContext.Default.ResourceDocument, cancellationToken).ConfigureAwait(false);
            }

            var resource = body?.Data is null ? null : JsonApiIncluded.Attach(body.Data, body.Included);
            return new JsonApiWriteResult(response.StatusCode, resource, body?.Meta, response.Headers.Location, requestId);
        }
    }

    private async Task<Page<TResource>> FetchPageAsync<TResource>(
        JsonApiQuery? query,
        JsonTypeInfo<JsonApiDocument<IReadOnlyList<TResource>>> typeInfo,
        string operation,
        JsonApiSend send,
        string? continuationToken,
        int? pageSizeHint,
        CancellationToken cancellationToken)
        where TResource : JsonApiResource
    {
        EnsureConfigured();
        Uri? nextUrl = null;
        if (continuationToken is not null && !NextLinkResolver.TryResolve(BaseUrl, continuationToken, out nextUrl))
        {
            throw new ArgumentException("The continuation token is not a next link of this API.", nameof(continuationToken));
        }

        await EnsureTokenAsync(cancellationToken).ConfigureAwait(false);

        // A 404 is never read as an empty list: it means a wrong path or an unknown parent (DigitalTwinNotFoundException).
        using var next = nextUrl is null ? null : CreateNextRequest(nextUrl, operation);
        var response = next is null
            ? await send(FirstPageParameters(query, pageSizeHint), _limiter, operation, cancellationToken).ConfigureAwait(false)
            : await Runtime.HttpClient.SendAsync(next, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            var request = next ?? response.RequestMessage!;
            await Runtime.EnsureSuccessAsync(request, response, cancellationToken).ConfigureAwait(false);
            var requestId = Runtime.Definition.ErrorParser.ReadRequestId(response);
            var document = await Runtime.ReadJsonAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
            var items = JsonApiIncluded.Attach(document.Data ?? [], document.Included);
            string? nextToken = null;
            if (document.Links?.Next is { } link)
            {
                if (!NextLinkResolver.TryResolve(BaseUrl, link.Href, out var resolved))
                {
                    throw Invalid(response.StatusCode, requestId, request, $"its next link points outside {BaseUrl.GetLeftPart(UriPartial.Authority)}; it is not followed so the token cannot leak");
                }

                nextToken = NextLinkResolver.KeepSelection(resolved, query, pageSizeHint ?? PageLimitOf(query), pageSizeParameter).AbsoluteUri;
            }

            return new Page<TResource>(items, nextToken, requestId);
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
        var quota = new RateLimitQuota(runtime.Vendor + "|" + apiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + runtime.CredentialScope, RateLimitKind.SlidingWindow, permits, window)
        {
            QueueLimit = options.RateLimit!.QueueLimit,
            Vendor = runtime.Definition.Key,
        };
        return runtime.RateLimiters.GetOrCreate(quota, runtime.Time);
    }

    private static InvalidOperationException NotConfigured() => new("The API base URL is not configured.");

    /// <summary>Throws before anything is sent when the API's base URL is not configured (no <see cref="BuildingXOptions.AccountsBaseUrl"/>).</summary>
    private void EnsureConfigured()
    {
        if (apiBaseUrl is null)
        {
            throw NotConfigured();
        }
    }

    /// <summary>Creates the GET of a resolved next link (an absolute URL on the configured origin), with the API's limiter.</summary>
    private HttpRequestMessage CreateNextRequest(Uri next, string operation)
    {
        var request = Runtime.CreateRequest(HttpMethod.Get, next.AbsoluteUri, operation);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        if (_limiter is not null)
        {
            // The core's RateLimitHandler takes this permit before every attempt, retries included.
            request.Options.Set(DigitalTwinRequestOptions.RateLimiterKey, _limiter);
        }

        return request;
    }

    /// <summary>The first page's query: the caller's parameters, with the page size of <c>AsPages</c> when one is asked for.</summary>
    private IDictionary<string, string> FirstPageParameters(JsonApiQuery? query, int? pageSizeHint)
    {
        if (pageSizeHint is null)
        {
            return query is null ? JsonApiQueryConverter.Empty : JsonApiQueryConverter.ToEncodedParameters(query.Parameters);
        }

        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var parameter in query?.Parameters ?? [])
        {
            if (parameter.Key != pageSizeParameter)
            {
                parameters.Add(parameter);
            }
        }

        parameters.Add(new(pageSizeParameter, pageSizeHint.Value.ToString(CultureInfo.InvariantCulture)));
        return JsonApiQueryConverter.ToEncodedParameters(parameters);
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
