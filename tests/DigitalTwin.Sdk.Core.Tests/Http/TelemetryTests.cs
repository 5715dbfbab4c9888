using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.Telemetry;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Core.Tests.Http;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Send_EmitsActivityWithVendorStatusAndRetryCount()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == DigitalTwinTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var options = new TestOptions { BaseUrl = new Uri("https://telemetry.example.test/") };
        options.Retry.BaseDelay = TimeSpan.Zero;
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(RecordingHandler.Json(call == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(options, handler);

        using var _ = await runtime.GetAsync("items?token=abc");

        var activity = Assert.Single(activities, a => (string?)a.GetTagItem("url.full") is { } u && u.StartsWith("https://telemetry.example.test/", StringComparison.Ordinal));
        Assert.Equal("Test API GetItems", activity.DisplayName);
        Assert.Equal("Test API", activity.GetTagItem("digitaltwin.vendor"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(1, activity.GetTagItem("digitaltwin.retry_count"));
        Assert.Equal("https://telemetry.example.test/items?token=***", activity.GetTagItem("url.full"));
    }

    [Fact]
    public async Task Send_RecordsDurationAndRetryMetrics()
    {
        var measurements = new ConcurrentQueue<(string Name, double Value, string? Vendor)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DigitalTwinTelemetry.SourceName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, VendorOf(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, VendorOf(tags))));
        listener.Start();
        var options = new TestOptions { BaseUrl = new Uri("https://metrics.example.test/") };
        options.Retry.BaseDelay = TimeSpan.Zero;
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(RecordingHandler.Json(call == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(options, handler);

        using var _ = await runtime.GetAsync();

        Assert.Contains(measurements, m => m.Name == DigitalTwinTelemetry.RequestDurationInstrument && m.Vendor == "Test API" && m.Value >= 0);
        Assert.Contains(measurements, m => m.Name == DigitalTwinTelemetry.RetriesInstrument && m.Vendor == "Test API" && m.Value == 1);
    }

    [Fact]
    public async Task Send_TraceLogging_RedactsSecretsInHeadersQueryAndBodies()
    {
        var logs = new ConcurrentQueue<string>();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs)));
        var options = new TestOptions { BaseUrl = new Uri("https://logs.example.test/"), LogBodies = true };
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{\"access_token\":\"resp-token-value\",\"name\":\"n\"}")));
        var runtime = PipelineFixture.Create(options, handler, tokens: new StaticTokens("bearer-token-value"), loggerFactory: factory);

        var request = DigitalTwin.Sdk.Core.Pipeline.HttpApi.CreateRequest(runtime, HttpMethod.Post, "items?apiKey=query-key-value&page[limit]=5", "Create");
        request.Headers.TryAddWithoutValidation("x-api-key", "header-key-value");
        request.Content = new StringContent("{\"client_secret\":\"body-secret-value\"}", System.Text.Encoding.UTF8, "application/json");
        using var _ = await DigitalTwin.Sdk.Core.Pipeline.HttpApi.SendAsync(runtime, request, CancellationToken.None);

        var all = string.Join("\n", logs);
        Assert.Contains("page[limit]=5", all, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"n\"", all, StringComparison.Ordinal);
        foreach (var secret in new[] { "bearer-token-value", "query-key-value", "header-key-value", "body-secret-value", "resp-token-value" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }

    private static string? VendorOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "digitaltwin.vendor")
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(sink);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink.Enqueue(formatter(state, exception) + exception);
        }
    }
}
