using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using DigitalTwin.Sdk.Core.Telemetry;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Telemetry;

/// <summary>
/// Listens to the SDK's <see cref="ActivitySource"/> and <see cref="Meter"/> (both <c>DigitalTwin.Sdk</c>) the way
/// OpenTelemetry would, and prints what it saw as two tables (samples switch <c>--telemetry</c>).
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tags), (long Count, double Sum)> _measurements = new();

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DigitalTwinTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DigitalTwinTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>Prints the activities (grouped by vendor, operation and status) and the metrics seen since the last call.</summary>
    public void Print()
    {
        var activities = new List<Activity>();
        while (_stopped.TryDequeue(out var activity))
        {
            activities.Add(activity);
        }

        var table = new Table().Title("Activities (source DigitalTwin.Sdk)")
            .AddColumns("vendor", "operation", "http status", "calls", "retries", "mean ms");
        foreach (var group in activities
            .GroupBy(a => (Vendor: Tag(a, "digitaltwin.vendor"), Operation: Tag(a, "digitaltwin.operation"), Status: Tag(a, "http.response.status_code")))
            .OrderBy(g => g.Key.Vendor, StringComparer.Ordinal).ThenBy(g => g.Key.Operation, StringComparer.Ordinal))
        {
            var retries = group.Sum(a => a.GetTagItem("digitaltwin.retry_count") is int r ? r : 0);
            table.AddRow(
                Markup.Escape(group.Key.Vendor),
                Markup.Escape(group.Key.Operation),
                Markup.Escape(group.Key.Status),
                group.Count().ToString(CultureInfo.InvariantCulture),
                retries.ToString(CultureInfo.InvariantCulture),
                group.Average(a => a.Duration.TotalMilliseconds).ToString("0.0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);

        var metrics = new Table().Title("Metrics (meter DigitalTwin.Sdk)").AddColumns("instrument", "tags", "measurements", "sum");
        foreach (var ((instrument, tags), (count, sum)) in _measurements.OrderBy(m => m.Key.Instrument, StringComparer.Ordinal).ThenBy(m => m.Key.Tags, StringComparer.Ordinal))
        {
            metrics.AddRow(Markup.Escape(instrument), Markup.Escape(tags), count.ToString(CultureInfo.InvariantCulture), sum.ToString("0.###", CultureInfo.InvariantCulture));
        }

        _measurements.Clear();
        AnsiConsole.Write(metrics);
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private static string Tag(Activity activity, string name) =>
        Convert.ToString(activity.GetTagItem(name), CultureInfo.InvariantCulture) ?? "-";

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            // The operation tag is left out so the table stays short: one row per instrument, vendor and status.
            if (tag.Key != "digitaltwin.operation")
            {
                text.Add($"{tag.Key}={Convert.ToString(tag.Value, CultureInfo.InvariantCulture)}");
            }
        }

        text.Sort(StringComparer.Ordinal);
        _measurements.AddOrUpdate(
            (instrument.Name, string.Join(", ", text)),
            (1, value),
            (_, current) => (current.Count + 1, current.Sum + value));
    }
}
