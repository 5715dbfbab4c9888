using System.Diagnostics;
using System.Text;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Outermost handler: one activity, one duration measurement and one log entry per call (all attempts).
/// URLs have query values masked and headers outside a short allow-list are redacted; bodies are logged only
/// when <see cref="DigitalTwinClientOptions.LogBodies"/> is on, with secret-named fields masked.
/// </summary>
internal sealed partial class TelemetryHandler(ClientRuntime runtime) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Options.TryGetValue(DigitalTwinRequestOptions.OperationKey, out var op) ? op : request.Method.Method;
        using var activity = DigitalTwinTelemetry.ActivitySource.StartActivity($"{runtime.Vendor} {operation}", ActivityKind.Client);
        var url = Redactor.RedactUri(request.RequestUri);
        if (activity is not null)
        {
            activity.SetTag("digitaltwin.vendor", runtime.Vendor);
            activity.SetTag("digitaltwin.operation", operation);
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.full", url);
        }

        var logger = runtime.Logger;
        if (logger.IsEnabled(LogLevel.Trace))
        {
            LogRequestDetail(logger, request.Method.Method, url, FormatHeaders(request.Headers, request.Content?.Headers), await ReadBodyAsync(request.Content, cancellationToken).ConfigureAwait(false));
        }

        var started = Stopwatch.GetTimestamp();
        var status = 0;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            activity?.SetTag("digitaltwin.retry_count", Math.Max(0, request.GetAttemptCount() - 1));
            if (status >= 400)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            LogResponse(logger, runtime.Vendor, request.Method.Method, url, status, elapsed.TotalMilliseconds, request.GetAttemptCount());
            if (logger.IsEnabled(LogLevel.Trace))
            {
                LogResponseDetail(logger, status, FormatHeaders(response.Headers, response.Content.Headers), await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false));
            }

            return response;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.SetTag("error.type", ex.GetType().FullName);
            activity?.SetTag("digitaltwin.retry_count", Math.Max(0, request.GetAttemptCount() - 1));
            LogFailure(logger, runtime.Vendor, request.Method.Method, url, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        finally
        {
            DigitalTwinTelemetry.RequestDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("digitaltwin.vendor", runtime.Vendor),
                new KeyValuePair<string, object?>("digitaltwin.operation", operation),
                new KeyValuePair<string, object?>("http.response.status_code", status));
        }
    }

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
