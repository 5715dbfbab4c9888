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
/// iTwin IoT: list sensors over REST, stream a long getData over the socket through a cut connection, bulk-upload
/// observations in batches and read them back, then subscribe and watch an upload arrive.
/// </summary>
internal sealed class ITwinIoTScenario : IScenario
{
    private const long StreamedPoints = 200_000;
    private const int UploadCount = 10_000;
    private const int UploadBatchSize = 500;
    private static readonly DateTimeOffset SeriesStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset UploadStart = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "itwin-iot";

    public string Description => "Bentley iTwin IoT: REST sensor listing, a 200,000-point getData surviving a dropped socket, a 10,000-observation upload in batches read back, a live subscription.";

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await StartEmulatorAsync(cancellationToken);
        return new ServedEmulator(emulator, Settings.Of(ITwinIoTOptions.SectionName,
            ("RestBaseUrl", emulator.BaseUri.ToString()),
            ("WebSocketUrl", emulator.WebSocketUri.ToString()),
            ("ApiKey", emulator.ApiKey)), () => emulator.Requests.Count);
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
            settingsHint: "DigitalTwin__ITwinIoT__ApiKey, RestBaseUrl, WebSocketUrl and SensorId",
            addConfigured: services => services.AddITwinIoT(section),
            addEmulated: (services, emulator) => services.AddITwinIoT(o =>
            {
                o.RestBaseUrl = emulator.BaseUri;
                o.WebSocketUrl = emulator.WebSocketUri;
                o.ApiKey = emulator.ApiKey;
            }),
            cancellationToken);
        var emulator = target.Emulator;
        var sensorId = emulator is null
            ? section["SensorId"] ?? throw new InvalidOperationException("Set DigitalTwin:ITwinIoT:SensorId to the sensor to read.")
            : ITwinIoTEmulator.TiltSensorId;
        var client = target.GetRequiredService<IITwinIoTClient>();
        client.Socket.StateChanged += (_, e) => AnsiConsole.MarkupLine($"  socket: [grey]{e.Previous} -> {e.Current}[/]");

        var table = new Table().AddColumns("Sensor", "Type", "Name");
        var sensors = 0;
        await foreach (var sensor in client.Rest.GetAllSensorsAsync(cancellationToken: cancellationToken))
        {
            if (sensors++ < 6)
            {
                table.AddRow(Markup.Escape(sensor.Id), Markup.Escape(sensor.Type ?? "-"), Markup.Escape(sensor.Props?.Name ?? "-"));
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"REST: [green]{sensors}[/] sensors (up to 6 shown).");

        var results = new Table().AddColumns("Operation", "Expected", "Done", "Failures", "Time");
        DateTimeOffset? first = null, last = null;
        await ProgressDisplay.RunAsync(async progress =>
        {
            // The emulator's series length is known; a real service does not say how many points a getData yields.
            long? expected = emulator is null ? null : StreamedPoints;
            var streamed = await StreamAsync(client, progress, "getData", new DataQuery(sensorId, "T", "C"), expected, cancellationToken);
            (first, last) = (streamed.First, streamed.Last);
            results.AddRow("getData (streamed)", expected is null ? "unknown" : Count(expected.Value), Count(streamed.Points), expected is null ? "-" : Count(expected.Value - streamed.Points), Seconds(streamed.Elapsed));

            if (emulator is null)
            {
                // Uploading writes to the sensor: left to the emulator, against a real service the scenario only reads.
                return;
            }

            var upload = await UploadAsync(client, progress, sensorId, cancellationToken);
            results.AddRow($"uploadData ({upload.Batches} batches of {UploadBatchSize})", Count(UploadCount), Count(upload.Accepted), Count(UploadCount - upload.Accepted), Seconds(upload.Elapsed));

            var window = new DataQuery(sensorId, "T", "C") { StartDate = UploadStart, EndDate = UploadStart.AddMinutes(UploadCount - 1) };
            var readBack = await StreamAsync(client, progress, "Read back", window, upload.Accepted, cancellationToken);
            results.AddRow("getData (upload read back)", Count(upload.Accepted), Count(readBack.Points), Count(upload.Accepted - readBack.Points), Seconds(readBack.Elapsed));
        });

        AnsiConsole.Write(results);
        AnsiConsole.MarkupLine($"Streamed {first:O} .. {last:O}" + (emulator is null ? "." : $"; the emulator cut the socket mid-stream ({emulator.Authentications} authentications, {emulator.DataPointsSent:N0} points sent)."));

        if (emulator is not null)
        {
            await using var subscription = await client.Socket.SubscribeDataAsync(new DataSubscriptionRequest([sensorId], "T", "F"), cancellationToken);
            await using var notifications = subscription.GetAsyncEnumerator(cancellationToken);
            while (emulator.DataSubscriptionCount == 0)
            {
                await Task.Delay(10, cancellationToken);
            }

            var accepted = await client.Socket.UploadDataAsync([new ObservationUpload(sensorId, DateTimeOffset.UtcNow, new Dictionary<string, double> { ["T"] = 21.5, ["ax"] = 0.1, ["ay"] = 0.2 })], cancellationToken);
            await notifications.MoveNextAsync();
            AnsiConsole.MarkupLine($"uploadData: [green]{accepted}[/] processed; subscription pushed {Markup.Escape(notifications.Current.Observation.ToString())} (°F).");
        }
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
    private static async Task<(int Batches, long Accepted, TimeSpan Elapsed)> UploadAsync(IITwinIoTClient client, ProgressContext progress, string sensorId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var sent = new WorkCounter(progress, "uploadData", "sent", UploadCount);
        var acknowledged = new WorkCounter(progress, "uploadData", "acknowledged", UploadCount);
        var observations = Enumerable.Range(0, UploadCount).Select(i =>
        {
            // The client pulls items lazily as it fills a batch.
            sent.Advance(1);
            return new ObservationUpload(
                sensorId,
                UploadStart.AddMinutes(i),
                new Dictionary<string, double> { ["T"] = Math.Round(12 + (4 * Math.Sin(i / 240.0)), 3), ["ax"] = 0.01 * (i % 7), ["ay"] = -0.01 * (i % 5) });
        });
        var batches = 0;
        await foreach (var batch in client.Socket.UploadInBatchesAsync(observations, UploadBatchSize, cancellationToken))
        {
            batches++;
            acknowledged.Advance(batch.Accepted);
        }

        sent.Complete();
        acknowledged.Complete();
        return (batches, acknowledged.Done, Stopwatch.GetElapsedTime(started));
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture);
}
