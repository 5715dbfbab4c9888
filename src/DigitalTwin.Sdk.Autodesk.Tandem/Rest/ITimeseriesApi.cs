using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Rest;

/// <summary>
/// Tandem streams (timeseries): <c>POST timeseries/models/{modelID}/streams</c> (last values),
/// <c>GET timeseries/models/{modelID}/streams/{key}?from&amp;to&amp;limit&amp;sort</c> (readings; a <see langword="null"/>
/// parameter is not sent) and <c>POST timeseries/models/{modelID}/webhooks/generic</c> (ingest). The model URN goes in
/// the path with its colons unescaped (the declared path holds <c>urn:adsk.dtm:</c>); stream keys are base64url (nothing
/// to escape). Ingest carries the per-model interval limiter the pipeline takes a permit from on each attempt.
/// </summary>
[Headers("Accept: application/json")]
internal interface ITimeseriesApi
{
    /// <summary>A read with a body, marked idempotent (retried like a GET).</summary>
    [Post("/timeseries/models/urn:adsk.dtm:{modelId}/streams")]
    Task<HttpResponseMessage> GetLastValuesAsync(
        string modelId,
        [Body] HttpContent keys,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.IdempotentName)] bool idempotent,
        CancellationToken cancellationToken);

    /// <summary><paramref name="from"/> and <paramref name="to"/> are epoch milliseconds; <paramref name="sort"/> is <c>asc</c> or <c>desc</c>.</summary>
    [Get("/timeseries/models/urn:adsk.dtm:{modelId}/streams/{streamKey}")]
    Task<HttpResponseMessage> GetReadingsAsync(
        string modelId,
        string streamKey,
        [AliasAs("from")] string? from,
        [AliasAs("to")] string? to,
        [AliasAs("limit")] string? limit,
        [AliasAs("sort")] string? sort,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary>A write: never retried by the pipeline once it may have reached the service.</summary>
    [Post("/timeseries/models/urn:adsk.dtm:{modelId}/webhooks/generic")]
    Task<HttpResponseMessage> SendReadingsAsync(
        string modelId,
        [Body] HttpContent readings,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.RateLimiterName)] RateLimiter limiter,
        CancellationToken cancellationToken);
}
