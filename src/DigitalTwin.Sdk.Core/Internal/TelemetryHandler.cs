using System.Diagnostics;
using System.Text;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Outermost handler: one activity, one duration measurement and one log entry per call (all attempts).
/// URLs have query values masked and headers outside a short allow-list are redacted; bodies are logged only
/// when <see cref="DigitalTwinClientOptions.LogBodies"/> is on, with secret-named fields masked.
/// </summary>
/// <param name="runtime">The client.</param>
/// <param name="translatesResilienceExceptions">Whether this handler also turns the resilience pipeline's exceptions into the
/// SDK's typed ones (<see cref="ResilienceExceptionHandler.Translate"/>): set when nothing of the caller's sits between it and
/// the resilience handler, so the chain needs no separate translating layer.</param>
internal sealed partial class TelemetryHandler(ClientRuntime runtime, bool translatesResilienceExceptions = false) : DelegatingHandler
{
    private static readonly object[] Boxes = CreateBoxes();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _activityNames = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Options.TryGetValue(DigitalTwinRequestOptions.OperationKey, out var op) ? op : request.Method.Method;
        using var activity = DigitalTwinTelemetry.ActivitySource.HasListeners()
            ? DigitalTwinTelemetry.ActivitySource.StartActivity(ActivityName(operation), ActivityKind.Client)
            : null;
        var logger = runtime.Logger;

        // The redacted URL is built only when something will record it.
        var url = activity is not null || logger.IsEnabled(LogLevel.Debug) ? Redactor.RedactUri(request.RequestUri) : null;
        if (activity is not null)
        {
            // Each tag is set once: AddTag appends without searching the list for an existing key.
            activity.AddTag("digitaltwin.vendor", runtime.Vendor);
            activity.AddTag("digitaltwin.operation", operation);
            activity.AddTag("http.request.method", request.Method.Method);
            activity.AddTag("url.full", url);
        }

        if (logger.IsEnabled(LogLevel.Trace))
        {
            LogRequestDetail(logger, request.Method.Method, url!, FormatHeaders(request.Headers, request.Content?.Headers), await ReadBodyAsync(request.Content, cancellationToken).ConfigureAwait(false));
        }

        var started = Stopwatch.GetTimestamp();
        var status = 0;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (activity is not null)
            {
                activity.AddTag("http.response.status_code", BoxedInt(status));
                activity.AddTag("digitaltwin.retry_count", BoxedInt(Math.Max(0, request.GetAttemptCount() - 1)));
            }

            if (status >= 400)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            LogResponse(logger, runtime.Vendor, request.Method.Method, url ?? string.Empty, status, elapsed.TotalMilliseconds, request.GetAttemptCount());
            if (logger.IsEnabled(LogLevel.Trace))
            {
                LogResponseDetail(
                    logger,
                    status,
                    FormatHeaders(response.Headers, response.Content.Headers),
                    DigitalTwinRequestOptions.IsStreamed(request, response)
                        ? "(streamed to the caller; not logged)"
                        : await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false));
            }

            return response;
        }
        catch (Exception caught)
        {
            var typed = translatesResilienceExceptions ? ResilienceExceptionHandler.Translate(runtime, request, caught, cancellationToken) : null;
            var ex = typed ?? caught;
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.SetTag("error.type", ex.GetType().FullName);
            activity?.SetTag("digitaltwin.retry_count", BoxedInt(Math.Max(0, request.GetAttemptCount() - 1)));
            LogFailure(logger, runtime.Vendor, request.Method.Method, url ?? Redactor.RedactUri(request.RequestUri), ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (typed is not null)
            {
                throw typed;
            }

            throw;
        }
        finally
        {
            DigitalTwinTelemetry.RequestDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("digitaltwin.vendor", runtime.Vendor),
                new KeyValuePair<string, object?>("digitaltwin.operation", operation),
                new KeyValuePair<string, object?>("http.response.status_code", BoxedInt(status)));
        }
    }

    /// <summary>Boxes small integers (status codes, retry counts) once, so recording them allocates nothing per call.</summary>
    private static object BoxedInt(int value) => (uint)value < (uint)Boxes.Length ? Boxes[value] : value;

    private static object[] CreateBoxes()
    {
        var boxes = new object[600];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = i;
        }

        return boxes;
    }

    /// <summary>The activity name "{vendor} {operation}", built once per operation.</summary>
    private string ActivityName(string operation) =>
        _activityNames.TryGetValue(operation, out var name) ? name : _activityNames.GetOrAdd(operation, static (o, vendor) => vendor + " " + o, runtime.Vendor);

    private async Task<string> ReadBodyAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return "(none)";
        }

        if (!runtime.Options.LogBodies)
        {
            return "(not logged; set LogBodies to log bodies)";
        }

        var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Redactor.RedactBody(bytes);
    }

    private static string FormatHeaders(System.Net.Http.Headers.HttpHeaders headers, System.Net.Http.Headers.HttpHeaders? contentHeaders)
    {
        var text = new StringBuilder();
        Append(headers);
        if (contentHeaders is not null)
        {
            Append(contentHeaders);
        }

        return text.ToString();

        void Append(System.Net.Http.Headers.HttpHeaders source)
        {
            foreach (var header in source)
            {
                text.Append(header.Key).Append(": ")
                    .Append(Redactor.IsSafeHeader(header.Key) ? string.Join(", ", header.Value) : Redactor.Mask).Append("; ");
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Vendor} {Method} {Url} -> {Status} in {ElapsedMs:0.0} ms ({Attempts} attempt(s))")]
    private static partial void LogResponse(ILogger logger, string vendor, string method, string url, int status, double elapsedMs, int attempts);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Vendor} {Method} {Url} failed with {ErrorType} after {ElapsedMs:0.0} ms")]
    private static partial void LogFailure(ILogger logger, string vendor, string method, string url, string errorType, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Trace, Message = "Request {Method} {Url} headers: {Headers} body: {Body}")]
    private static partial void LogRequestDetail(ILogger logger, string method, string url, string headers, string body);

    [LoggerMessage(EventId = 4, Level = LogLevel.Trace, Message = "Response {Status} headers: {Headers} body: {Body}")]
    private static partial void LogResponseDetail(ILogger logger, int status, string headers, string body);
}
