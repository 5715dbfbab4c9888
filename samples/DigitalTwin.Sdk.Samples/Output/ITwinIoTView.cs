using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.JsonRpc;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Output;

/// <summary>How the iTwin IoT scenario shows what the client returned.</summary>
internal sealed class ITwinIoTView
{
    private const int SensorRows = 6;
    private const int FrameSize = 2_000;

    /// <summary>Shows a change of the socket's connection state.</summary>
    /// <param name="change">The change.</param>
    public void ShowSocketState(JsonRpcConnectionStateChangedEventArgs change) =>
        AnsiConsole.MarkupLineInterpolated($"  socket: [grey]{change.Previous.ToString()} -> {change.Current.ToString()}[/]");

    /// <summary>Shows the first sensors and how many connections, devices and sensors the entity queries found.</summary>
    /// <param name="nodes">How many connections.</param>
    /// <param name="devices">How many devices.</param>
    /// <param name="sensors">The sensors.</param>
    public void ShowEntities(int nodes, int devices, IReadOnlyList<ITwinIoTEntity> sensors)
    {
        var table = new ResultTable("Sensor", "Type", "Name");
        foreach (var sensor in sensors.Take(SensorRows))
        {
            table.AddRow(sensor.Id, sensor.Type, sensor.Props?.Name);
        }

        table.Show();
        AnsiConsole.MarkupLineInterpolated($"Socket: [green]{nodes}[/] connections, [green]{devices}[/] devices, [green]{sensors.Count}[/] sensors (up to {SensorRows} shown).");
    }

    /// <summary>Starts the table of REST reads; show it with <see cref="RestReads.Show"/>.</summary>
    /// <returns>The empty table.</returns>
    public RestReads StartRestReads() => new();

    /// <summary>Says that no sensor can be read, so the scenario stops.</summary>
    public void ShowNoSensor() => AnsiConsole.MarkupLine("[yellow]No sensor of the project reports a raw metric with a unit: nothing to read.[/]");

    /// <summary>Shows the sensor and metric the scenario reads.</summary>
    /// <param name="sensorId">The sensor.</param>
    /// <param name="metric">The metric read.</param>
    /// <param name="rawMetrics">The sensor's raw metrics.</param>
    public void ShowSensor(string sensorId, Metric metric, IReadOnlyList<Metric> rawMetrics) =>
        AnsiConsole.MarkupLineInterpolated(
            $"Reading sensor [blue]{sensorId}[/], metric [blue]{metric.Id}[/] in [blue]{metric.DefaultUnit}[/] (raw metrics: {string.Join(", ", rawMetrics.Select(m => m.Id))}).");

    /// <summary>Shows a metric's units.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="units">Its units, if the service named any.</param>
    public void ShowUnits(string metricId, IReadOnlyList<MetricUnit>? units) =>
        AnsiConsole.MarkupLineInterpolated($"getUnits: {metricId} in {string.Join(", ", units?.Select(u => u.Id) ?? [])}.");

    /// <summary>Shows a sensor's metrics.</summary>
    /// <param name="metrics">Its metrics, if the service named any.</param>
    public void ShowMetrics(IReadOnlyList<Metric>? metrics) =>
        AnsiConsole.MarkupLineInterpolated($"getMetrics: {string.Join(", ", metrics?.Select(m => m.Id) ?? [])}.");

    /// <summary>Shows the sensor's last observation.</summary>
    /// <param name="latest">The observation.</param>
    public void ShowLastObservation(Observation latest) =>
        AnsiConsole.MarkupLineInterpolated($"getObservations (last, raw): {latest.ToString()}.");

    /// <summary>Shows when the sensor's first and last observations were.</summary>
    /// <param name="summary">The sensor's summary, if the service gave one.</param>
    public void ShowSummary(ObservationsSummary? summary) =>
        AnsiConsole.MarkupLineInterpolated($"getObservationsSummary: first {summary?.First?.Points.FirstOrDefault().Timestamp:O}, last {summary?.Last?.Points.LastOrDefault().Timestamp:O}.");

    /// <summary>Streams observations under a progress bar, advancing it once per 2,000 points (one emulator frame) and at the end.</summary>
    /// <param name="label">The bar's label.</param>
    /// <param name="observations">The observations, e.g. a <c>GetDataAsync</c>.</param>
    /// <param name="expected">How many points will come, when known.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>How many points came, the first and last timestamps, and how long it took.</returns>
    public async Task<Streamed> StreamAsync(string label, IAsyncEnumerable<Observation> observations, long? expected, CancellationToken cancellationToken)
    {
        Streamed? streamed = null;
        await ProgressDisplay.RunAsync(async progress =>
        {
            var started = Stopwatch.GetTimestamp();
            var counter = new WorkCounter(progress, label, "points", expected);
            DateTimeOffset? first = null, last = null;
            var pending = 0;
            await foreach (var observation in observations.WithCancellation(cancellationToken))
            {
                first ??= observation.Timestamp;
                last = observation.Timestamp;
                if (++pending == FrameSize)
                {
                    counter.Advance(pending);
                    pending = 0;
                }
            }

            counter.Advance(pending);
            counter.Complete();
            streamed = new Streamed(counter.Done, first, last, Stopwatch.GetElapsedTime(started));
        });
        return streamed!;
    }

    /// <summary>
    /// Uploads in batches under two bars: observations sent (taken into a batch, which goes out as soon as it is full)
    /// and observations the server acknowledged (its <c>successfullyProcessedObs</c> per batch).
    /// </summary>
    /// <param name="observations">The observations; the client pulls them lazily as it fills a batch.</param>
    /// <param name="count">How many observations there are.</param>
    /// <param name="upload">Uploads the observations it is given, e.g. <c>UploadInBatchesAsync</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>How many batches went out, how many observations were accepted, and how long it took.</returns>
    public async Task<Uploaded> UploadAsync(
        IEnumerable<ObservationUpload> observations, int count, Func<IEnumerable<ObservationUpload>, IAsyncEnumerable<UploadBatchResult>> upload, CancellationToken cancellationToken)
    {
        Uploaded? uploaded = null;
        await ProgressDisplay.RunAsync(async progress =>
        {
            var started = Stopwatch.GetTimestamp();
            var sent = new WorkCounter(progress, "uploadData", "sent", count);
            var acknowledged = new WorkCounter(progress, "uploadData", "acknowledged", count);
            var batches = 0;
            await foreach (var batch in upload(observations.Select(o =>
            {
                sent.Advance(1);
                return o;
            })).WithCancellation(cancellationToken))
            {
                batches++;
                acknowledged.Advance(batch.Accepted);
            }

            sent.Complete();
            acknowledged.Complete();
            uploaded = new Uploaded(batches, count, acknowledged.Done, Stopwatch.GetElapsedTime(started));
        });
        return uploaded!;
    }

    /// <summary>Shows how the long getData, and with writes the upload and its read-back, went.</summary>
    /// <param name="streamed">The long getData.</param>
    /// <param name="expected">How many points it should have had, when known.</param>
    /// <param name="batchSize">The upload's batch size.</param>
    /// <param name="upload">The upload, when writes ran.</param>
    /// <param name="readBack">The upload read back, when writes ran.</param>
    /// <param name="emulator">The embedded emulator, when one ran.</param>
    public void ShowResults(Streamed streamed, long? expected, int batchSize, Uploaded? upload, Streamed? readBack, ITwinIoTEmulator? emulator)
    {
        var table = new ResultTable("Operation", "Expected", "Done", "Failures", "Time");
        table.AddRow("getData (streamed)", expected is null ? "unknown" : Count(expected.Value), Count(streamed.Points), expected is null ? null : Count(expected.Value - streamed.Points), Seconds(streamed.Elapsed));
        if (upload is not null)
        {
            table.AddRow($"uploadData ({upload.Batches} batches of up to {batchSize})", Count(upload.Count), Count(upload.Accepted), Count(upload.Count - upload.Accepted), Seconds(upload.Elapsed));
        }

        if (upload is not null && readBack is not null)
        {
            table.AddRow("getData (upload read back)", Count(upload.Accepted), Count(readBack.Points), Count(upload.Accepted - readBack.Points), Seconds(readBack.Elapsed));
        }

        table.Show();
        var cut = emulator is null ? "." : $"; the emulator cut the socket mid-stream ({emulator.Authentications} authentications, {emulator.DataPointsSent:N0} points sent).";
        AnsiConsole.MarkupLineInterpolated($"Streamed {streamed.First:O} .. {streamed.Last:O}{cut}");
    }

    /// <summary>Shows what an upload and the subscription watching it did.</summary>
    /// <param name="accepted">How many observations the upload processed.</param>
    /// <param name="pushed">What the subscription pushed, or <see langword="null"/> when it ended without a push.</param>
    /// <param name="unit">The subscribed unit.</param>
    public void ShowPushed(int accepted, SensorObservation? pushed, string unit)
    {
        if (pushed is { } observation)
        {
            AnsiConsole.MarkupLineInterpolated($"uploadData: [green]{accepted}[/] processed; subscription pushed {observation.Observation.ToString()} ({unit}).");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"uploadData: [green]{accepted}[/] processed; the subscription ended without a push.");
        }
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture);

    /// <summary>A getData streamed to the end.</summary>
    /// <param name="Points">How many points came.</param>
    /// <param name="First">The first point's time.</param>
    /// <param name="Last">The last point's time.</param>
    /// <param name="Elapsed">How long it took.</param>
    internal sealed record Streamed(long Points, DateTimeOffset? First, DateTimeOffset? Last, TimeSpan Elapsed);

    /// <summary>An upload in batches.</summary>
    /// <param name="Batches">How many batches went out.</param>
    /// <param name="Count">How many observations were uploaded.</param>
    /// <param name="Accepted">How many the server processed.</param>
    /// <param name="Elapsed">How long it took.</param>
    internal sealed record Uploaded(int Batches, long Count, long Accepted, TimeSpan Elapsed);

    /// <summary>The REST reads, one row each: a listing's count, a catalogue's size, or an untyped body's JSON kind.</summary>
    internal sealed class RestReads
    {
        private readonly ResultTable _table = new("REST read", "Found");

        /// <summary>Adds a read that counted items.</summary>
        /// <param name="path">The path read.</param>
        /// <param name="count">How many items came.</param>
        public void Add(string path, long count) => _table.AddRow(path, Count(count));

        /// <summary>Adds a read that returned an untyped body.</summary>
        /// <param name="path">The path read.</param>
        /// <param name="body">The body.</param>
        public void Add(string path, JsonElement body) => _table.AddRow(path, body.ValueKind.ToString());

        /// <summary>Writes the table to the console.</summary>
        public void Show() => _table.Show();
    }
}
