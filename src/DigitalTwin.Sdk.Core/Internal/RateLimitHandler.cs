using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Telemetry;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Waits for a client-side rate-limit permit before each attempt (the vendor API's shared token bucket, or a per-request one).</summary>
internal sealed class RateLimitHandler(ClientRuntime runtime) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limiter = request.Options.TryGetValue(DigitalTwinRequestOptions.RateLimiterKey, out var specific) ? specific : runtime.Limiter;

        // Without a limiter the handler is a plain pass-through (no async layer of its own).
        return limiter is null ? base.SendAsync(request, cancellationToken) : SendLimitedAsync(limiter, request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendLimitedAsync(RateLimiter limiter, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = runtime.Time.GetTimestamp();
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        var waited = runtime.Time.GetElapsedTime(started);
        DigitalTwinTelemetry.RateLimitWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("digitaltwin.vendor", runtime.Vendor));
        if (!lease.IsAcquired)
        {
            throw new DigitalTwinException($"{runtime.Vendor}: the client-side rate limiter queue is full ({runtime.Options.RateLimit.QueueLimit} waiting requests); the request was not sent.");
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
