using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.RateLimiting;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>
/// What the Tandem sub-clients add around a declared endpoint (<c>Rest/</c>): the region header value, JSON bodies,
/// ingest limiters (typed errors and JSON answers come from <see cref="HttpApi.ReceiveJsonAsync"/>).
/// </summary>
internal static class TandemRequests
{
    /// <summary>Gets the <c>Region</c> header value, or <see langword="null"/> (not sent) when no region is configured.</summary>
    internal static string? Region(TandemOptions options) => options.Region?.ToString();

    internal static HttpContent Json(byte[] utf8) =>
        new ByteArrayContent(utf8) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };

    /// <summary>
    /// Gets the limiter of stream ingest into one model (one request at a time, the next a second after the previous
    /// answer), shared by every client of that API in the runtime's registry.
    /// </summary>
    internal static RateLimiter IngestLimiter(ClientRuntime runtime, string modelId) =>
        (runtime.RateLimiters ?? RateLimiterRegistry.Shared).GetOrCreate(
            new RateLimitQuota(runtime.Vendor + "|ingest|" + runtime.Options.BaseUrl!.GetLeftPart(UriPartial.Path) + "|" + modelId, RateLimitKind.Interval, 1, TandemServiceLimits.StreamIngestInterval) { Vendor = runtime.Definition.Key },
            runtime.Time);

    internal static DigitalTwinInvalidResponseException Invalid(ClientRuntime runtime, string operation, JsonException inner) =>
        new(
            new ApiErrorInfo(runtime.Vendor, System.Net.HttpStatusCode.OK) { ErrorCode = "InvalidResponse" },
            $"{runtime.Vendor}: the {operation} response does not have the documented shape: {inner.Message}",
            inner);
}
