namespace DigitalTwin.Sdk.Core.Http;

/// <summary>Per-request switches understood by the SDK pipeline, set on <see cref="HttpRequestMessage.Options"/>.</summary>
public static class DigitalTwinRequestOptions
{
    /// <summary>The option name of <see cref="MarkIdempotent"/> (a <see cref="bool"/>), for declared requests (Refit's <c>[Property]</c>).</summary>
    public const string IdempotentName = "DigitalTwin.Idempotent";

    /// <summary>The option name of <see cref="WithOperation"/> (a <see cref="string"/>), for declared requests (Refit's <c>[Property]</c>).</summary>
    public const string OperationName = "DigitalTwin.Operation";

    /// <summary>The option name of <see cref="StreamSuccessBody"/> (a <see cref="bool"/>), for declared requests (Refit's <c>[Property]</c>).</summary>
    public const string StreamSuccessBodyName = "DigitalTwin.StreamSuccessBody";

    /// <summary>The option name (a <see cref="bool"/>) that sends a request without the client's credential, for declared requests (Refit's <c>[Property]</c>).</summary>
    public const string AnonymousName = "DigitalTwin.Anonymous";

    internal static readonly HttpRequestOptionsKey<bool> IdempotentKey = new(IdempotentName);
    internal static readonly HttpRequestOptionsKey<string> OperationKey = new(OperationName);
    internal static readonly HttpRequestOptionsKey<int> AttemptsKey = new("DigitalTwin.Attempts");
    /// <summary>The option name (a <see cref="System.Threading.RateLimiting.RateLimiter"/>) of a request's own limiter, for declared requests (Refit's <c>[Property]</c>).</summary>
    public const string RateLimiterName = "DigitalTwin.RateLimiter";

    /// <summary>The key of the switch that sends a request without the client's credential (a link to another origin).</summary>
    public static readonly HttpRequestOptionsKey<bool> AnonymousKey = new(AnonymousName);

    /// <summary>
    /// The key of a request's own limiter: the pipeline takes its permit before every attempt instead of the client's
    /// shared limiter's, and holds it until the answer (a quota from <see cref="RateLimiting.RateLimiterRegistry"/>).
    /// </summary>
    public static readonly HttpRequestOptionsKey<System.Threading.RateLimiting.RateLimiter> RateLimiterKey = new(RateLimiterName);
    internal static readonly HttpRequestOptionsKey<bool> StreamSuccessBodyKey = new(StreamSuccessBodyName);

    /// <summary>
    /// Declares a non-idempotent request (e.g. a POST) safe to retry after it may have reached the server,
    /// because the operation is idempotent on the vendor side (a query, or an upsert keyed by the caller).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The same request.</returns>
    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(IdempotentKey, true);
        return request;
    }

    /// <summary>
    /// Declares that the caller reads a successful response's body as a stream: the pipeline does not buffer it (nor
    /// bound it by <see cref="DigitalTwinClientOptions.MaxResponseBytes"/>) and does not log it. Error bodies are still
    /// buffered and parsed as usual. A body that breaks off while the caller reads it surfaces as an
    /// <see cref="IOException"/> from the stream, after the call has succeeded, and is not retried.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The same request.</returns>
    public static HttpRequestMessage StreamSuccessBody(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(StreamSuccessBodyKey, true);
        return request;
    }

    /// <summary>Names the operation for telemetry (activity name and <c>digitaltwin.operation</c> tag).</summary>
    /// <param name="request">The request.</param>
    /// <param name="operation">Operation name, e.g. <c>GetAssets</c>.</param>
    /// <returns>The same request.</returns>
    public static HttpRequestMessage WithOperation(this HttpRequestMessage request, string operation)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(OperationKey, operation);
        return request;
    }

    /// <summary>Gets how many attempts the pipeline made for a sent request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The number of attempts, or 0 when the request did not go through the pipeline.</returns>
    public static int GetAttemptCount(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(AttemptsKey, out var attempts) ? attempts : 0;
    }

    internal static bool IsStreamed(HttpRequestMessage request, HttpResponseMessage response) =>
        response.IsSuccessStatusCode && request.Options.TryGetValue(StreamSuccessBodyKey, out var streamed) && streamed;

    internal static bool IsIdempotent(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(IdempotentKey, out var marked) && marked)
        {
            return true;
        }

        var method = request.Method;
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options || method == HttpMethod.Trace;
    }
}
