using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using DigitalTwin.Sdk.Core.Telemetry;

namespace DigitalTwin.Sdk.Tests.Telemetry;

/// <summary>Records what the SDK reports on its <see cref="ActivitySource"/> and <see cref="Meter"/>, the way OpenTelemetry would listen.</summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryCapture()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DigitalTwinTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DigitalTwinTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray())));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray())));
        _meterListener.Start();
    }

    public IReadOnlyList<Activity> Activities => [.. _activities];

    public IReadOnlyList<Measurement> Measurements => [.. _measurements];

    /// <summary>The activities of requests sent to <paramref name="baseUri"/> (other tests' clients are ignored).</summary>
    public IReadOnlyList<Activity> ActivitiesFor(Uri baseUri) =>
        [.. _activities.Where(a => a.GetTagItem("url.full") is string url && url.StartsWith(baseUri.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))];

    public IReadOnlyList<Measurement> MeasurementsOf(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    public void Dispose()
    {
        _meterListener.Dispose();
        _activityListener.Dispose();
    }

    internal sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string name) => Tags.FirstOrDefault(t => t.Key == name).Value;
    }
}
