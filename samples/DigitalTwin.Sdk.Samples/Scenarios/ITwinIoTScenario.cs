using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>
/// iTwin IoT: find the project's connections, devices and sensors (socket entity queries, REST listing), pick a sensor
/// with raw metrics, read its units and summary, stream a long getData through a cut connection; with writes, bulk-upload
/// observations in batches and read them back, then subscribe and watch an upload arrive.
/// </summary>
internal sealed class ITwinIoTScenario : IScenario
{
    private const long StreamedPoints = 200_000;
    private const int UploadCount = 10_000;
    private const int ConfiguredUploadCount = 100;
    private const int UploadBatchSize = 500;
    private static readonly DateTimeOffset SeriesStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset UploadStart = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "itwin-iot";

    public string Description => "Bentley iTwin IoT: finds a sensor by entity queries, a 200,000-point getData surviving a dropped socket, a 10,000-observation upload in batches read back, a live subscription (writes with --write against a configured service).";

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await StartEmulatorAsync(cancellationToken);
        return new ServedEmulator(emulator, Settings.Of(ITwinIoTOptions.SectionName,
            ("RestBaseUrl", emulator.BaseUri.ToString()),
            ("WebSocketUrl", emulator.WebSocketUri.ToString()),
            ("ApiKey", emulator.ApiKey),
            ("ProjectId", emulator.Options.DefaultProjectId)), () => emulator.Requests.Count);
    }

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var configuration = run.Configuration;
        var section = configuration.GetSection(ITwinIoTOptions.SectionName);
        var configured = section["ApiKey"] is not null || section["ClientId"] is not null;
        await using var target = await ScenarioTarget<ITwinIoTEmulator>.StartAsync(
            configuredEndpoint: configured ? section["RestBaseUrl"] ?? "https://iiot.bentley.com/" : null,
            startEmulator: StartEmulatorAsync,
            emulatorEndpoint: emulator => emulator.BaseUri,
            settingsHint: "DigitalTwin__ITwinIoT__ApiKey (or ClientId and ClientSecret) and ProjectId",
            addConfigured: services => services.AddITwinIoT(section),
            addEmulated: (services, emulator) => services.AddITwinIoT(o =>
            {
                o.RestBaseUrl = emulator.BaseUri;
                o.WebSocketUrl = emulator.WebSocketUri;
                o.ApiKey = emulator.ApiKey;
                o.ProjectId = emulator.Options.DefaultProjectId;
            }),
            cancellationToken);
        var emulator = target.Emulator;
        var writes = emulator is not null || run.Write;
        var client = target.GetRequiredService<IITwinIoTClient>();
        client.Socket.StateChanged += (_, e) => AnsiConsole.MarkupLine($"  socket: [grey]{e.Previous} -> {e.Current}[/]");

        // Entity queries: the project's connections, devices and sensors, found rather than configured.
        var nodes = await client.Socket.GetNodesAsync(cancellationToken: cancellationToken);
        var devices = await client.Socket.GetDevicesAsync(cancellationToken: cancellationToken);
        var sensors = await client.Socket.GetSensorsAsync(cancellationToken: cancellationToken);
        var table = new Table().AddColumns("Sensor", "Type", "Name");
        foreach (var sensor in sensors.Take(6))
        {
            table.AddRow(Markup.Escape(sensor.Id), Markup.Escape(sensor.Type ?? "-"), Markup.Escape(sensor.Props?.Name ?? "-"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Socket: [green]{nodes.Count}[/] connections, [green]{devices.Count}[/] devices, [green]{sensors.Count}[/] sensors (up to 6 shown).");

        await TourRestAsync(client, section["ProjectId"] ?? emulator?.Options.DefaultProjectId, cancellationToken);

        var found = await FindSensorAsync(client, sensors, cancellationToken);
        if (found is null)
        {
            AnsiConsole.MarkupLine("[yellow]No sensor of the project reports a raw metric with a unit: nothing to read.[/]");
            return;
        }

        var (sensorId, rawMetrics) = found.Value;
        var metric = rawMetrics[0];
        var unit = metric.DefaultUnit!;
        AnsiConsole.MarkupLine($"Reading sensor [blue]{Markup.Escape(sensorId)}[/], metric [blue]{Markup.Escape(metric.Id)}[/] in [blue]{Markup.Escape(unit)}[/] (raw metrics: {Markup.Escape(string.Join(", ", rawMetrics.Select(m => m.Id)))}).");

        var units = await client.Socket.GetUnitsAsync([metric.Id], cancellationToken: cancellationToken);
        AnsiConsole.MarkupLine($"getUnits: {Markup.Escape(metric.Id)} in {Markup.Escape(string.Join(", ", units.GetValueOrDefault(metric.Id)?.Select(u => u.Id) ?? []))}.");
        var metrics = await client.Socket.GetMetricsAsync([sensorId], cancellationToken: cancellationToken);
        AnsiConsole.MarkupLine($"getMetrics: {Markup.Escape(string.Join(", ", metrics.GetValueOrDefault(sensorId)?.Select(m => m.Id) ?? []))}.");
        await foreach (var latest in client.Socket.GetObservationsAsync(new DataQuery(sensorId, null, null) { Limit = DataLimit.Last }, cancellationToken))
        {
            AnsiConsole.MarkupLine($"getObservations (last, raw): {Markup.Escape(latest.ToString())}.");
        }

        var summaries = await client.Socket.GetObservationsSummaryAsync([sensorId], cancellationToken: cancellationToken);
        var summary = summaries.GetValueOrDefault(sensorId);
        AnsiConsole.MarkupLine($"getObservationsSummary: first {summary?.First?.Points.FirstOrDefault().Timestamp:O}, last {summary?.Last?.Points.LastOrDefault().Timestamp:O}.");

        var results = new Table().AddColumns("Operation", "Expected", "Done", "Failures", "Time");
        DateTimeOffset? first = null, last = null;
        var uploadCount = emulator is null ? ConfiguredUploadCount : UploadCount;
        await ProgressDisplay.RunAsync(async progress =>
        {
            // The emulator's series length is known; a real service does not say how many points a getData yields.
            long? expected = emulator is null ? null : StreamedPoints;
            var streamed = await StreamAsync(client, progress, "getData", new DataQuery(sensorId, metric.Id, unit), expected, cancellationToken);
            (first, last) = (streamed.First, streamed.Last);
            results.AddRow("getData (streamed)", expected is null ? "unknown" : Count(expected.Value), Count(streamed.Points), expected is null ? "-" : Count(expected.Value - streamed.Points), Seconds(streamed.Elapsed));

            if (!writes)
            {
                // Uploading writes to the sensor: against a configured service only with --write.
                return;
            }

            var upload = await UploadAsync(client, progress, sensorId, rawMetrics, uploadCount, cancellationToken);
            results.AddRow($"uploadData ({upload.Batches} batches of up to {UploadBatchSize})", Count(uploadCount), Count(upload.Accepted), Count(uploadCount - upload.Accepted), Seconds(upload.Elapsed));

            var window = new DataQuery(sensorId, metric.Id, unit) { StartDate = UploadStart, EndDate = UploadStart.AddMinutes(uploadCount - 1) };
            var readBack = await StreamAsync(client, progress, "Read back", window, upload.Accepted, cancellationToken);
            results.AddRow("getData (upload read back)", Count(upload.Accepted), Count(readBack.Points), Count(upload.Accepted - readBack.Points), Seconds(readBack.Elapsed));
        });

        AnsiConsole.Write(results);
        AnsiConsole.MarkupLine($"Streamed {first:O} .. {last:O}" + (emulator is null ? "." : $"; the emulator cut the socket mid-stream ({emulator.Authentications} authentications, {emulator.DataPointsSent:N0} points sent)."));

        if (writes)
        {
            await using var subscription = await client.Socket.SubscribeDataAsync(new DataSubscriptionRequest([sensorId], metric.Id, unit), cancellationToken);
            await using var notifications = subscription.GetAsyncEnumerator(cancellationToken);
            var accepted = await client.Socket.UploadDataAsync([new ObservationUpload(sensorId, DateTimeOffset.UtcNow, ValuesOf(rawMetrics, 0))], cancellationToken: cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(30));
            var pushed = await notifications.MoveNextAsync().AsTask().WaitAsync(wait.Token);
            AnsiConsole.MarkupLine(pushed
                ? $"uploadData: [green]{accepted}[/] processed; subscription pushed {Markup.Escape(notifications.Current.Observation.ToString())} ({Markup.Escape(unit)})."
                : $"uploadData: [green]{accepted}[/] processed; the subscription ended without a push.");
        }
    }

    /// <summary>Reads every REST listing and catalogue the iTwin IoT REST API offers and prints what each returned.</summary>
    private static async Task TourRestAsync(IITwinIoTClient client, string? projectId, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("REST read", "Found");
        table.AddRow("nodes/all", Count(await client.Rest.GetNodesAsync(cancellationToken: cancellationToken).CountAsync(cancellationToken)));
        table.AddRow("devices/all", Count(await client.Rest.GetDevicesAsync(cancellationToken: cancellationToken).CountAsync(cancellationToken)));
        table.AddRow("sensors/all", Count(await client.Rest.GetSensorsAsync(cancellationToken: cancellationToken).CountAsync(cancellationToken)));
        table.AddRow("devices/types", Count((await client.Rest.GetDeviceTypesAsync(cancellationToken: cancellationToken)).Count));
        table.AddRow("sensors/types", Count((await client.Rest.GetSensorTypesAsync(cancellationToken: cancellationToken)).Count));
        table.AddRow("metrics/types", Count((await client.Rest.GetMetricTypesAsync(cancellationToken: cancellationToken)).Metrics.Count));
        table.AddRow("documents", Markup.Escape((await client.Rest.GetDocumentsAsync(cancellationToken: cancellationToken)).ValueKind.ToString()));
        table.AddRow("profiles", Markup.Escape((await client.Rest.GetProfilesAsync(cancellationToken: cancellationToken)).ValueKind.ToString()));
        if (projectId is not null)
        {
            table.AddRow($"projects/{Markup.Escape(projectId)}", Markup.Escape((await client.Rest.GetProjectAsync(projectId, cancellationToken)).ValueKind.ToString()));
            table.AddRow("projects/…/dataUsage", Markup.Escape((await client.Rest.GetProjectDataUsageAsync(projectId, cancellationToken)).ValueKind.ToString()));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>
    /// Finds a sensor to read: of the project's first sensors, the one with the most observations
    /// (<c>OBSERVATION_COUNT</c>) whose raw metrics (the keys an upload takes) have a default unit.
    /// </summary>
    private static async Task<(string SensorId, IReadOnlyList<Metric> RawMetrics)?> FindSensorAsync(IITwinIoTClient client, IReadOnlyList<ITwinIoTEntity> sensors, CancellationToken cancellationToken)
    {
        var candidates = sensors.Take(20).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var raw = await client.Socket.GetRawMetricsAsync(sensorIds: [.. candidates.Select(s => s.Id)], cancellationToken: cancellationToken);
        (string, IReadOnlyList<Metric>)? best = null;
        long bestCount = -1;
        foreach (var sensor in candidates)
        {
            var usable = raw.TryGetValue(sensor.Id, out var metrics)
                ? metrics.Where(m => m.Hidden != true && !string.IsNullOrEmpty(m.DefaultUnit)).ToList()
                : [];
            var count = sensor.Props?.ObservationCount ?? 0;
            if (usable.Count > 0 && count > bestCount)
            {
                (best, bestCount) = ((sensor.Id, usable), count);
            }
        }

        return best;
    }

    private static async Task<ITwinIoTEmulator> StartEmulatorAsync(CancellationToken cancellationToken)
    {
        var emulator = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { PointsPerFrame = 2_000 }, cancellationToken);
        emulator.SetSeries(ITwinIoTEmulator.TiltSensorId, SeriesStart, TimeSpan.FromSeconds(10), StreamedPoints);
        emulator.Faults.Add(Fault.CloseWebSocketAfter(40), method: "getData");
        return emulator;
    }

    /// <summary>Streams a getData, advancing the bar once per 2,000 points (one emulator frame) and at the end.</summary>
    private static async Task<(long Points, DateTimeOffset? First, DateTimeOffset? Last, TimeSpan Elapsed)> StreamAsync(
        IITwinIoTClient client, ProgressContext progress, string label, DataQuery query, long? expected, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var counter = new WorkCounter(progress, label, "points", expected);
        DateTimeOffset? first = null, last = null;
        var pending = 0;
        await foreach (var observation in client.Socket.GetDataAsync(query, cancellationToken))
        {
            first ??= observation.Timestamp;
            last = observation.Timestamp;
            if (++pending == 2_000)
            {
                counter.Advance(pending);
                pending = 0;
            }
        }

        counter.Advance(pending);
        counter.Complete();
        return (counter.Done, first, last, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Uploads one observation a minute in batches, with two bars: observations sent (taken into a batch, which goes out as
    /// soon as it is full) and observations the server acknowledged (its <c>successfullyProcessedObs</c> per batch).
    /// </summary>
    private static async Task<(int Batches, long Accepted, TimeSpan Elapsed)> UploadAsync(
        IITwinIoTClient client, ProgressContext progress, string sensorId, IReadOnlyList<Metric> rawMetrics, int count, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var sent = new WorkCounter(progress, "uploadData", "sent", count);
        var acknowledged = new WorkCounter(progress, "uploadData", "acknowledged", count);
        var observations = Enumerable.Range(0, count).Select(i =>
        {
            // The client pulls items lazily as it fills a batch.
            sent.Advance(1);
            return new ObservationUpload(sensorId, UploadStart.AddMinutes(i), ValuesOf(rawMetrics, i));
        });
        var batches = 0;
        await foreach (var batch in client.Socket.UploadInBatchesAsync(observations, UploadBatchSize, cancellationToken: cancellationToken))
        {
            batches++;
            acknowledged.Advance(batch.Accepted);
        }

        sent.Complete();
        acknowledged.Complete();
        return (batches, acknowledged.Done, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>One value per raw metric (an upload's values are keyed by the sensor's raw metric ids), varying with <paramref name="i"/>.</summary>
    private static Dictionary<string, double> ValuesOf(IReadOnlyList<Metric> rawMetrics, int i) =>
        rawMetrics.Select((m, k) => KeyValuePair.Create(m.Id, Math.Round(12 + k + (4 * Math.Sin(i / 240.0)), 3))).ToDictionary();

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture);
}
