using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.Telemetry;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Waits for a client-side rate-limit permit before each attempt (the vendor API's shared token bucket, or a per-request one).</summary>
internal sealed class RateLimitHandler(ClientRuntime runtime) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(DigitalTwinRequestOptions.RateLimiterKey, out var specific))
        {
            // A per-request limiter may hold its permit until the answer (Tandem spaces ingest from completion).
            return SendLimitedAsync(specific, request, cancellationToken);
        }

        var limiter = runtime.Limiter;
        if (limiter is null)
        {
            // Without a limiter the handler is a plain pass-through (no async layer of its own).
            return base.SendAsync(request, cancellationToken);
        }

        // The shared limiter is a token bucket: a permit is spent when granted and its lease holds nothing, so a permit
        // free right now (and nobody queued ahead, which AttemptAcquire respects) is taken without an async layer.
        using (var lease = limiter.AttemptAcquire(1))
        {
            if (lease.IsAcquired)
            {
                DigitalTwinTelemetry.RateLimitWait.Record(0, new KeyValuePair<string, object?>("digitaltwin.vendor", runtime.Vendor));
                return base.SendAsync(request, cancellationToken);
            }
        }

        return SendLimitedAsync(limiter, request, cancellationToken);
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
