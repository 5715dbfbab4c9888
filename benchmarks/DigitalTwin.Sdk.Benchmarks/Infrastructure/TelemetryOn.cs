using System.Diagnostics;
using System.Diagnostics.Metrics;
using DigitalTwin.Sdk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// Turns the SDK's telemetry on as a production host would: an activity listener sampling every SDK activity, a meter
/// listener recording every SDK instrument, and a logger factory at <see cref="LogLevel.Information"/> with a provider
/// that accepts and drops entries (so the SDK pays for its log checks and any entry at that level, not for I/O).
/// </summary>
public sealed class TelemetryOn : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private long _activityCount;
    private long _measurementCount;

    /// <summary>Initializes and starts the listeners.</summary>
    public TelemetryOn()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DigitalTwinTelemetry.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref _activityCount),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DigitalTwinTelemetry.SourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurementCount));
        _meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurementCount));
        _meters.SetMeasurementEventCallback<int>((_, _, _, _) => Interlocked.Increment(ref _measurementCount));
        _meters.Start();
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new DropLoggerProvider()));
    }

    /// <summary>Gets the logger factory to hand to SDK clients.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Gets how many SDK activities were recorded.</summary>
    public long Activities => Interlocked.Read(ref _activityCount);

    /// <summary>Gets how many SDK measurements were recorded.</summary>
    public long Measurements => Interlocked.Read(ref _measurementCount);

    /// <inheritdoc />
    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
        LoggerFactory.Dispose();
    }

    private sealed class DropLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new DropLogger();

        public void Dispose()
        {
        }
    }

    private sealed class DropLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
