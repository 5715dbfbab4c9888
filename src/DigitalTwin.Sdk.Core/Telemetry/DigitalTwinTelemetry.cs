using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DigitalTwin.Sdk.Core.Telemetry;

/// <summary>
/// Names of the <see cref="ActivitySource"/> and <see cref="Meter"/> the SDK reports on. Subscribe with
/// OpenTelemetry (<c>AddSource("DigitalTwin.Sdk")</c>, <c>AddMeter("DigitalTwin.Sdk")</c>) or an
/// <see cref="ActivityListener"/> / <see cref="MeterListener"/>; the SDK itself depends on neither.
/// </summary>
public static class DigitalTwinTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string SourceName = "DigitalTwin.Sdk";

    /// <summary>Histogram of request durations in seconds, one per call (all attempts).</summary>
    public const string RequestDurationInstrument = "digitaltwin.client.request.duration";

    /// <summary>Counter of retries (tag <c>digitaltwin.vendor</c>).</summary>
    public const string RetriesInstrument = "digitaltwin.client.retries";

    /// <summary>Histogram of time spent waiting for a client-side rate-limit permit, in seconds.</summary>
    public const string RateLimitWaitInstrument = "digitaltwin.client.rate_limit.wait";

    /// <summary>Counter of token requests (tag <c>outcome</c> = success|failure).</summary>
    public const string TokenRefreshesInstrument = "digitaltwin.client.token.refreshes";

    /// <summary>Counter of WebSocket reconnects.</summary>
    public const string WebSocketReconnectsInstrument = "digitaltwin.client.websocket.reconnects";

    internal static readonly ActivitySource ActivitySource = new(SourceName, typeof(DigitalTwinTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(SourceName, typeof(DigitalTwinTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(RequestDurationInstrument, "s", "Duration of SDK requests, retries included.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(RetriesInstrument, "{retry}", "Requests retried by the SDK.");

    internal static readonly Histogram<double> RateLimitWait = Meter.CreateHistogram<double>(RateLimitWaitInstrument, "s", "Time waited for a client-side rate-limit permit.");

    internal static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>(TokenRefreshesInstrument, "{token}", "Token requests made by the SDK.");

    /// <summary>Counter of WebSocket reconnects, for the socket clients of vendor packages.</summary>
    internal static readonly Counter<long> WebSocketReconnects = Meter.CreateCounter<long>(WebSocketReconnectsInstrument, "{reconnect}", "WebSocket reconnects.");
}
