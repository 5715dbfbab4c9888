using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>Request helpers shared by the Tandem sub-clients: region header, JSON bodies, ingest limiters.</summary>
internal static class TandemRequests
{
    private static readonly ConcurrentDictionary<string, IntervalRateLimiter> IngestLimiters = new(StringComparer.Ordinal);

    internal static HttpRequestMessage Create(ClientRuntime runtime, TandemOptions options, HttpMethod method, string path, string operation)
    {
        var request = runtime.CreateRequest(method, path, operation);
        if (options.Region is { } region)
        {
            request.Headers.Add("Region", region.ToString());
        }

        return request;
    }

    internal static HttpContent Json(byte[] utf8) =>
        new ByteArrayContent(utf8) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };

    /// <summary>Gets the 1-request-per-second limiter of stream ingest into one model, shared by every client of that API in the process.</summary>
    internal static IntervalRateLimiter IngestLimiter(ClientRuntime runtime, string modelId) =>
        IngestLimiters.GetOrAdd(
            runtime.Options.BaseUrl!.GetLeftPart(UriPartial.Path) + "|" + modelId,
            static (_, time) => new IntervalRateLimiter(TandemServiceLimits.StreamIngestInterval, time),
            runtime.Time);

    internal static DigitalTwinInvalidResponseException Invalid(ClientRuntime runtime, string operation, JsonException inner) =>
        new(
            new ApiErrorInfo(runtime.Vendor, System.Net.HttpStatusCode.OK) { ErrorCode = "InvalidResponse" },
            $"{runtime.Vendor}: the {operation} response does not have the documented shape: {inner.Message}",
            inner);
}
