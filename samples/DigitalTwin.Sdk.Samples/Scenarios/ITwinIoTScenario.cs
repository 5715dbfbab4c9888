using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        // The client from DI: bound to the DigitalTwin:ITwinIoT section, or pointed at the embedded emulator when none is set.
        var section = run.Configuration.GetSection(ITwinIoTOptions.SectionName);
        var configured = section["ApiKey"] is not null || section["ClientId"] is not null;
        await using var target = await ScenarioTarget<ITwinIoTEmulator>.StartAsync(
            configuredEndpoint: configured ? section["RestBaseUrl"] ?? "https://iiot.bentley.com/" : null,
            startEmulator: StartEmulatorAsync,
            emulatorEndpoint: emulator => emulator.BaseUri,
            settingsHint: "DigitalTwin__ITwinIoT__ApiKey (or ClientId and ClientSecret) and ProjectId",
            addConfigured: services => services.AddITwinIoT(section),
            addEmulated: (services, emulator) => services.AddITwinIoT(o => UseEmulator(o, emulator)),
            cancellationToken);
        var client = target.GetRequiredService<IITwinIoTClient>();
        var view = new ITwinIoTView();
        var emulator = target.Emulator;

        // Uploads write to the sensor: always on the emulator, against a configured service only with --write.
        var writes = emulator is not null || run.Write;

        // The socket reports its connection state as it changes (connect, a cut connection, reconnect, close).
        client.Socket.StateChanged += (_, e) => view.ShowSocketState(e);

        // Entity queries over the socket: the project's connections, devices and sensors, found rather than configured.
        var nodes = await client.Socket.GetNodesAsync(cancellationToken: cancellationToken);
        var devices = await client.Socket.GetDevicesAsync(cancellationToken: cancellationToken);
        var sensors = await client.Socket.GetSensorsAsync(cancellationToken: cancellationToken);
        view.ShowEntities(nodes.Count, devices.Count, sensors);

        // The REST API: every listing (counted) and catalogue, and the project and its data usage when a project is known.
        var rest = view.StartRestReads();
        rest.Add("nodes/all", await client.Rest.GetNodesAsync(cancellationToken: cancellationToken).CountAsync(cancellationToken));
        rest.Add("devices/all", await client.Rest.GetDevicesAsync(cancellationToken: cancellationToken).CountAsync(cancellationToken));
        rest.Add("sensors/all", await client.Rest.GetSensorsAsync(cancellationToken: cancellationToken).CountAsync(cancellationToken));
        rest.Add("devices/types", (await client.Rest.GetDeviceTypesAsync(cancellationToken: cancellationToken)).Count);
        rest.Add("sensors/types", (await client.Rest.GetSensorTypesAsync(cancellationToken: cancellationToken)).Count);
        rest.Add("metrics/types", (await client.Rest.GetMetricTypesAsync(cancellationToken: cancellationToken)).Metrics.Count);
        rest.Add("documents", await client.Rest.GetDocumentsAsync(cancellationToken: cancellationToken));
        rest.Add("profiles", await client.Rest.GetProfilesAsync(cancellationToken: cancellationToken));
        if ((section["ProjectId"] ?? emulator?.Options.DefaultProjectId) is { } projectId)
        {
            rest.Add($"projects/{projectId}", await client.Rest.GetProjectAsync(projectId, cancellationToken));
            rest.Add("projects/…/dataUsage", await client.Rest.GetProjectDataUsageAsync(projectId, cancellationToken));
        }

        rest.Show();

        // A sensor to read: the busiest of the first ones whose raw metrics have a unit (getRawMetrics).
        if (await FindSensorAsync(client, sensors, cancellationToken) is not { } found)
        {
            view.ShowNoSensor();
            return;
        }

        var (sensorId, rawMetrics) = found;
        var metric = rawMetrics[0];
        var unit = metric.DefaultUnit!;
        view.ShowSensor(sensorId, metric, rawMetrics);

        // The metric's units, the sensor's metrics, its last observation (raw) and the span of its observations.
        var units = await client.Socket.GetUnitsAsync([metric.Id], cancellationToken: cancellationToken);
        view.ShowUnits(metric.Id, units.GetValueOrDefault(metric.Id));
        var metrics = await client.Socket.GetMetricsAsync([sensorId], cancellationToken: cancellationToken);
        view.ShowMetrics(metrics.GetValueOrDefault(sensorId));
        await foreach (var latest in client.Socket.GetObservationsAsync(new DataQuery(sensorId, null, null) { Limit = DataLimit.Last }, cancellationToken))
        {
            view.ShowLastObservation(latest);
        }

        var summaries = await client.Socket.GetObservationsSummaryAsync([sensorId], cancellationToken: cancellationToken);
        view.ShowSummary(summaries.GetValueOrDefault(sensorId));

        // getData streamed to the end; the emulator cuts the socket mid-stream, and the client reconnects and resumes.
        // The emulator's series length is known; a real service does not say how many points a getData yields.
        long? expected = emulator is null ? null : StreamedPoints;
        var streamed = await view.StreamAsync("getData", client.Socket.GetDataAsync(new DataQuery(sensorId, metric.Id, unit), cancellationToken), expected, cancellationToken);

        ITwinIoTView.Uploaded? upload = null;
        ITwinIoTView.Streamed? readBack = null;
        var uploadCount = emulator is null ? ConfiguredUploadCount : UploadCount;
        if (writes)
        {
            // One observation a minute, uploaded in batches: the client pulls them lazily as it fills each batch.
            var observations = Enumerable.Range(0, uploadCount).Select(i => new ObservationUpload(sensorId, UploadStart.AddMinutes(i), ValuesOf(rawMetrics, i)));
            upload = await view.UploadAsync(observations, uploadCount, o => client.Socket.UploadInBatchesAsync(o, UploadBatchSize, cancellationToken: cancellationToken), cancellationToken);

            // The uploaded window read back with getData.
            var window = new DataQuery(sensorId, metric.Id, unit) { StartDate = UploadStart, EndDate = UploadStart.AddMinutes(uploadCount - 1) };
            readBack = await view.StreamAsync("Read back", client.Socket.GetDataAsync(window, cancellationToken), upload.Accepted, cancellationToken);
        }

        view.ShowResults(streamed, expected, UploadBatchSize, upload, readBack, emulator);

        if (writes)
        {
            // A live subscription to the sensor's data, then one upload, which the subscription pushes back (waiting up to 30 s).
            await using var subscription = await client.Socket.SubscribeDataAsync(new DataSubscriptionRequest([sensorId], metric.Id, unit), cancellationToken);
            await using var notifications = subscription.GetAsyncEnumerator(cancellationToken);
            var accepted = await client.Socket.UploadDataAsync([new ObservationUpload(sensorId, DateTimeOffset.UtcNow, ValuesOf(rawMetrics, 0))], cancellationToken: cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(30));
            var pushed = await notifications.MoveNextAsync().AsTask().WaitAsync(wait.Token);
            view.ShowPushed(accepted, pushed ? notifications.Current : null, unit);
        }
    }

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await StartEmulatorAsync(cancellationToken);
        return new ServedEmulator(emulator, Settings.Of(ITwinIoTOptions.SectionName,
            ("RestBaseUrl", emulator.BaseUri.ToString()),
            ("WebSocketUrl", emulator.WebSocketUri.ToString()),
            ("ApiKey", emulator.ApiKey),
            ("ProjectId", emulator.Options.DefaultProjectId)), () => emulator.Requests.Count);
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

    /// <summary>Points the client at the embedded emulator, with the API key it accepts.</summary>
    private static void UseEmulator(ITwinIoTOptions options, ITwinIoTEmulator emulator)
    {
        options.RestBaseUrl = emulator.BaseUri;
        options.WebSocketUrl = emulator.WebSocketUri;
        options.ApiKey = emulator.ApiKey;
        options.ProjectId = emulator.Options.DefaultProjectId;
    }

    /// <summary>One value per raw metric (an upload's values are keyed by the sensor's raw metric ids), varying with <paramref name="i"/>.</summary>
    private static Dictionary<string, double> ValuesOf(IReadOnlyList<Metric> rawMetrics, int i) =>
        rawMetrics.Select((m, k) => KeyValuePair.Create(m.Id, Math.Round(12 + k + (4 * Math.Sin(i / 240.0)), 3))).ToDictionary();
}
