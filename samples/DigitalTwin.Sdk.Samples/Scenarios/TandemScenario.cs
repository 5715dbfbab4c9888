using System.Globalization;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Autodesk.Tandem.ModelData;
using DigitalTwin.Sdk.Autodesk.Tandem.Streams;
using DigitalTwin.Sdk.Autodesk.Tandem.Twins;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Testing.Tandem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>
/// Autodesk Tandem: two-legged APS token, the twin of the vendor doc, an element scan of each linked model, stream last
/// values, a day of readings backfilled stream by stream (emulator only) and read back.
/// </summary>
internal sealed class TandemScenario : IScenario
{
    private const int BackfillHours = 24;

    public string Name => "tandem";

    public string Description => "Autodesk Tandem: twin settings, element scan of every linked model, stream last values, a day of readings backfilled and read back.";

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await TandemEmulator.StartAsync(ct: cancellationToken);
        return new ServedEmulator(emulator, Settings.Of(TandemOptions.SectionName,
            ("BaseUrl", new Uri(emulator.BaseUri, "tandem/v1/").ToString()),
            ("AuthUrl", new Uri(emulator.BaseUri, "authentication/v2/").ToString()),
            ("ClientId", emulator.ClientId),
            ("ClientSecret", emulator.ClientSecret),
            ("Scope", "data:read data:write"),
            ("TwinId", emulator.TwinId)), () => emulator.Requests.Count);
    }

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var configuration = run.Configuration;
        var section = configuration.GetSection(TandemOptions.SectionName);
        await using var target = await ScenarioTarget<TandemEmulator>.StartAsync(
            configuredEndpoint: section["BaseUrl"],
            startEmulator: ct => TandemEmulator.StartAsync(ct: ct),
            emulatorEndpoint: emulator => emulator.BaseUri,
            settingsHint: "DigitalTwin__Tandem__BaseUrl, AuthUrl, ClientId, ClientSecret and TwinId",
            addConfigured: services =>
            {
                services.AddSingleton(configuration);
                services.AddTandem();
            },
            addEmulated: (services, emulator) => services.AddTandem(o =>
            {
                o.BaseUrl = new Uri(emulator.BaseUri, "tandem/v1/");
                o.AuthUrl = new Uri(emulator.BaseUri, "authentication/v2/");
                o.ClientId = emulator.ClientId;
                o.ClientSecret = emulator.ClientSecret;
                o.Scope = "data:read data:write";
                o.TwinId = emulator.TwinId;
            }),
            cancellationToken);
        var emulator = target.Emulator;
        var client = target.GetRequiredService<ITandemClient>();
        var twinText = emulator?.TwinId ?? section["TwinId"]
            ?? throw new InvalidOperationException("Set DigitalTwin:Tandem:TwinId to the URN of a twin (urn:adsk.dtt:...).");
        var twinId = TwinUrn.Parse(twinText);

        var twin = await client.Twins.GetAsync(twinId, cancellationToken);
        AnsiConsole.MarkupLine(
            $"Twin [green]{Markup.Escape(twin.GetProperty("Identity Data", "Building Name") ?? twinId.Value)}[/] " +
            $"({Markup.Escape(twin.GetProperty("Identity Data", "Address") ?? "no address")}), access [green]{twin.AccessLevel}[/], {twin.Docs.Count} document(s).");

        var links = new List<(TwinModelLink Link, ModelUrn Id)>();
        foreach (var link in twin.Links)
        {
            if (ModelUrn.TryParse(link.ModelId, out var modelId))
            {
                links.Add((link, modelId));
            }
        }

        var models = new Table().AddColumns("Model", "Main", "Elements", "Id");
        var defaultModel = twinId.DefaultModel;
        ScanResult? streams = null;
        await ProgressDisplay.RunAsync(async progress =>
        {
            var scanning = new WorkCounter(progress, "Model scan", "models", links.Count);
            long elements = 0;
            foreach (var (link, modelId) in links)
            {
                var scan = await client.ModelData.ScanAsync(modelId, new ScanRequest { QualifiedColumns = ["n:n"] }, cancellationToken);
                elements += scan.Rows.Count;
                if (modelId.Value == defaultModel.Value)
                {
                    streams = scan;
                }

                models.AddRow(
                    Markup.Escape(string.IsNullOrEmpty(link.Label) ? "(default model)" : link.Label),
                    link.Main == true ? "yes" : "",
                    scan.Rows.Count.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(modelId.Value));
                scanning.Advance(1, $"{elements} elements");
            }

            scanning.Complete();
        });

        AnsiConsole.Write(models);

        // Streams live in the default model; it is linked in the doc's twin, otherwise scan it on its own.
        streams ??= await client.ModelData.ScanAsync(defaultModel, new ScanRequest { QualifiedColumns = ["n:n"] }, cancellationToken);
        if (streams.Rows.Count == 0)
        {
            AnsiConsole.MarkupLine("The default model has no streams.");
            return;
        }

        var keys = streams.Rows.Select(r => r.Key.ToString()).ToList();
        var names = streams.Rows.ToDictionary(r => r.Key.ToString(), r => r.GetString("n:n") ?? r.Key.ToString(), StringComparer.Ordinal);
        var last = await client.Streams.GetLastValuesAsync(defaultModel, keys, cancellationToken);
        var lastTable = new Table().AddColumns("Stream", "Property", "Last reading", "Value");
        foreach (var key in keys)
        {
            foreach (var (property, values) in last.TryGetValue(key, out var readings) ? readings.Properties : new Dictionary<string, IReadOnlyList<StreamReading>>())
            {
                foreach (var reading in values)
                {
                    lastTable.AddRow(Markup.Escape(names[key]), Markup.Escape(property), reading.Timestamp.ToString("u", CultureInfo.InvariantCulture), reading.Value.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        AnsiConsole.Write(lastTable);

        // The window is whole hours so the backfilled readings (one per hour per stream) all fall inside it.
        var now = DateTimeOffset.UtcNow;
        var from = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1 - BackfillHours);
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        var history = new Table().AddColumns("Stream", "Property", "Sent", "Read back", "Min", "Max", "Newest");
        long readBack = 0;
        await ProgressDisplay.RunAsync(async progress =>
        {
            if (emulator is not null)
            {
                // Writing readings is left to the emulator: against a real twin the scenario only reads. Ingest is limited
                // to 1 request/s per model, so one batch per stream; the client spaces the batches itself.
                var backfill = new WorkCounter(progress, "Backfill", "readings", (long)keys.Count * BackfillHours);
                foreach (var (key, index) in keys.Select((k, i) => (k, i)))
                {
                    var batch = Enumerable.Range(0, BackfillHours).Select(h => new StreamIngestItem(key, DayCurve(index, h), from.AddHours(h))).ToList();
                    await client.Streams.SendReadingsAsync(defaultModel, batch, cancellationToken);
                    sent[key] = batch.Count;
                    backfill.Advance(batch.Count, $"batch {index + 1}/{keys.Count}");
                }

                backfill.Complete();
            }

            var reading = new WorkCounter(progress, $"History, {BackfillHours} h", "streams", keys.Count);
            foreach (var key in keys)
            {
                var readings = await client.Streams.GetReadingsAsync(defaultModel, key, new StreamReadingsQuery { From = from, To = now }, cancellationToken);
                foreach (var (property, values) in readings.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    readBack += values.Count;
                    history.AddRow(
                        Markup.Escape(names[key]),
                        Markup.Escape(property),
                        sent.TryGetValue(key, out var count) ? count.ToString(CultureInfo.InvariantCulture) : "-",
                        values.Count.ToString(CultureInfo.InvariantCulture),
                        values.Count == 0 ? "-" : values.Min(v => v.Value).ToString("0.##", CultureInfo.InvariantCulture),
                        values.Count == 0 ? "-" : values.Max(v => v.Value).ToString("0.##", CultureInfo.InvariantCulture),
                        values.Count == 0 ? "-" : values.MaxBy(v => v.Timestamp).Timestamp.ToString("u", CultureInfo.InvariantCulture));
                }

                reading.Advance(1);
            }

            reading.Complete();
        });

        AnsiConsole.Write(history);
        AnsiConsole.MarkupLine($"Readings since {from:u}: [green]{readBack}[/] across {keys.Count} streams" + (emulator is null ? " (read only)." : $"; backfilled {sent.Values.Sum()} readings of two properties in {sent.Count} batches."));
        if (emulator is not null)
        {
            AnsiConsole.MarkupLine($"The emulator saw {emulator.Requests.Count} requests and issued {emulator.TokensIssued} token(s).");
        }
    }

    /// <summary>A plausible room day: temperature peaking in the afternoon, humidity the other way round.</summary>
    private static Dictionary<string, double> DayCurve(int stream, int hour)
    {
        var phase = Math.Sin((hour - 8) * Math.PI / 12);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["Temperature"] = Math.Round(21 + stream + (2 * phase), 2),
            ["Humidity"] = Math.Round(45 - (6 * phase), 2),
        };
    }
}
