using System.Globalization;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Testing.Tandem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>
/// Autodesk Tandem: a tour of every read endpoint (groups, the caller's twins, one twin with its documents and views, an
/// element scan of each linked model, the schema and history of the default model, the streams found by their element flags,
/// their last values and readings). With <c>--write</c>: one reading to each stream, read back.
/// </summary>
internal sealed class TandemScenario : IScenario
{
    public string Name => "tandem";

    public string Description => "Autodesk Tandem: groups, twins, documents, views, element scans, schema, history, streams (found by element flags), last values and readings; --write sends one reading to each stream and reads it back.";

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await TandemEmulator.StartAsync(ct: cancellationToken);

        // No twin id: the scenario (like any client) finds the caller's twins itself. The document origin plays
        // https://tandem.autodesk.com, so it is the allow-list entry that may receive the bearer token.
        return new ServedEmulator(emulator, Settings.Of(TandemOptions.SectionName,
            ("BaseUrl", new Uri(emulator.BaseUri, "tandem/v1/").ToString()),
            ("TokenUrl", new Uri(emulator.BaseUri, "authentication/v2/token").ToString()),
            ("AuthorizeUrl", new Uri(emulator.BaseUri, "authentication/v2/authorize").ToString()),
            ("RevokeUrl", new Uri(emulator.BaseUri, "authentication/v2/revoke").ToString()),
            ("ClientId", emulator.ClientId),
            ("ClientSecret", emulator.ClientSecret),
            ("Scope", "data:read data:write"),
            ("CredentialOrigins__0", emulator.DocumentOrigin.GetLeftPart(UriPartial.Authority))), () => emulator.Requests.Count);
    }

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var configuration = run.Configuration;
        var section = configuration.GetSection(TandemOptions.SectionName);
        await using var target = await ScenarioTarget<TandemEmulator>.StartAsync(
            configuredEndpoint: section["BaseUrl"],
            startEmulator: ct => TandemEmulator.StartAsync(ct: ct),
            emulatorEndpoint: emulator => emulator.BaseUri,
            settingsHint: "DigitalTwin__Tandem__BaseUrl, TokenUrl, ClientId and ClientSecret (Scope 'data:read data:write' for --write)",
            addConfigured: services =>
            {
                services.AddSingleton(configuration);
                services.AddTandem(section);
            },
            addEmulated: (services, emulator) => services.AddTandem(o =>
            {
                o.BaseUrl = new Uri(emulator.BaseUri, "tandem/v1/");
                o.TokenUrl = new Uri(emulator.BaseUri, "authentication/v2/token");
                o.AuthorizeUrl = new Uri(emulator.BaseUri, "authentication/v2/authorize");
                o.RevokeUrl = new Uri(emulator.BaseUri, "authentication/v2/revoke");
                o.ClientId = emulator.ClientId;
                o.ClientSecret = emulator.ClientSecret;
                o.Scope = "data:read data:write";
                o.CredentialOrigins = [emulator.DocumentOrigin];
            }),
            cancellationToken);
        var emulator = target.Emulator;
        var client = target.GetRequiredService<ITandemClient>();

        await TourGroupsAsync(client, cancellationToken);
        var twinId = await PickTwinAsync(client, section["TwinId"], cancellationToken);
        if (twinId is null)
        {
            AnsiConsole.MarkupLine("[yellow]The caller can see no twin: add the app to a facility (Users > Service) and run again.[/]");
            return;
        }

        var twin = await client.Twins.GetTwinAsync(twinId, cancellationToken);
        var exists = await client.Twins.ExistsAsync(twinId, cancellationToken);
        AnsiConsole.MarkupLine(
            $"Twin [green]{Markup.Escape(twin.GetProperty("Identity Data", "Building Name") ?? twinId.Value)}[/] ({Markup.Escape(twinId.Value)}), " +
            $"access [green]{twin.AccessLevel}[/], HEAD says {(exists ? "exists" : "missing")}, {twin.Links.Count} model(s), {twin.Docs.Count} document(s).");

        await TourDocumentsAsync(client, twin, cancellationToken);
        await TourViewsAsync(client, twinId, cancellationToken);
        var defaultModel = twinId.DefaultModel;
        await TourModelsAsync(client, twin, defaultModel, cancellationToken);
        await TourSchemaAndHistoryAsync(client, defaultModel, cancellationToken);

        var streams = await FindStreamsAsync(client, defaultModel, cancellationToken);
        if (streams.Count == 0)
        {
            AnsiConsole.MarkupLine("The default model has no streams (elements flagged 0x01000003 in column n:a).");
            return;
        }

        var last = await client.Streams.GetLastValuesAsync(defaultModel, streams.Keys.ToList(), cancellationToken);
        var lastTable = new Table().AddColumns("Stream", "Property", "Last reading", "Value");
        foreach (var (key, name) in streams)
        {
            foreach (var (property, values) in last.TryGetValue(key, out var readings) ? readings.Properties : new Dictionary<string, IReadOnlyList<StreamReading>>())
            {
                foreach (var reading in values)
                {
                    lastTable.AddRow(Markup.Escape(name), Markup.Escape(property), Stamp(reading.Timestamp), Number(reading.Value));
                }
            }
        }

        AnsiConsole.Write(lastTable);

        var newest = new Table().AddColumns("Stream", "Property", "Readings (newest 10)", "Newest");
        foreach (var (key, name) in streams)
        {
            var readings = await client.Streams.GetReadingsAsync(defaultModel, key, new StreamReadingsQuery { Limit = 10, Sort = StreamSortOrder.Descending }, cancellationToken);
            foreach (var (property, values) in readings.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                newest.AddRow(Markup.Escape(name), Markup.Escape(property), values.Count.ToString(CultureInfo.InvariantCulture), values.Count == 0 ? "-" : Stamp(values.MaxBy(v => v.Timestamp).Timestamp));
            }
        }

        AnsiConsole.Write(newest);

        if (run.Write)
        {
            await WriteAndReadBackAsync(client, defaultModel, streams, last, cancellationToken);
        }
        else
        {
            AnsiConsole.MarkupLine("Read only; run with [blue]--write[/] to send one reading to each stream and read it back.");
        }

        if (emulator is not null)
        {
            AnsiConsole.MarkupLine($"The emulator saw {emulator.Requests.Count} requests and issued {emulator.TokensIssued} token(s).");
        }
    }

    private static async Task TourGroupsAsync(ITandemClient client, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("Group", "Access", "Twins", "Urn");
        await foreach (var group in client.Groups.GetGroupsAsync(cancellationToken))
        {
            if (group.Urn is null)
            {
                continue;
            }

            var one = await client.Groups.GetGroupAsync(group.Urn, cancellationToken);
            var twins = 0;
            await foreach (var _ in client.Groups.GetTwinsAsync(group.Urn, cancellationToken))
            {
                twins++;
            }

            table.AddRow(Markup.Escape(one.Name ?? "-"), Markup.Escape(one.AccessLevel?.ToString() ?? "-"), twins.ToString(CultureInfo.InvariantCulture), Markup.Escape(group.Urn));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The configured twin when one is set (optional), otherwise the first of the caller's twins.</summary>
    private static async Task<TwinUrn?> PickTwinAsync(ITandemClient client, string? configured, CancellationToken cancellationToken)
    {
        TwinUrn? first = null;
        var count = 0;
        await foreach (var item in client.Twins.GetMyTwinsAsync(cancellationToken))
        {
            count++;
            if (first is null && TwinUrn.TryParse(item.TwinId, out var urn))
            {
                first = urn;
            }
        }

        AnsiConsole.MarkupLine($"The caller can see [green]{count}[/] twin(s).");
        return configured is not null ? TwinUrn.Parse(configured) : first;
    }

    private static async Task TourDocumentsAsync(ITandemClient client, TandemTwin twin, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("Document", "Type", "Bytes", "Link origin");
        foreach (var doc in twin.Docs)
        {
            string size;
            if (doc.SignedLink is null)
            {
                size = "no link";
            }
            else
            {
                using var content = new MemoryStream();
                try
                {
                    await client.Twins.DownloadDocumentAsync(doc, content, cancellationToken);
                    size = content.Length.ToString("N0", CultureInfo.InvariantCulture);
                }
                catch (DigitalTwinException ex)
                {
                    // An origin off DigitalTwin:Tandem:CredentialOrigins gets no token and is refused: say so instead of failing the tour.
                    size = "refused: " + ex.Message;
                }
            }

            table.AddRow(Markup.Escape(doc.Name ?? doc.Id ?? "-"), Markup.Escape(doc.ContentType ?? "-"), Markup.Escape(size), Markup.Escape(doc.SignedLink?.GetLeftPart(UriPartial.Authority) ?? "-"));
        }

        AnsiConsole.Write(table);
    }

    private static async Task TourViewsAsync(ITandemClient client, TwinUrn twinId, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("View", "Label", "Created", "Id");
        await foreach (var view in client.Twins.GetViewsAsync(twinId, cancellationToken))
        {
            table.AddRow(Markup.Escape(view.ViewName ?? "-"), Markup.Escape(view.Label ?? ""), view.CreateTime is { } created ? Stamp(created) : "-", Markup.Escape(view.Id ?? "-"));
        }

        AnsiConsole.Write(table);
    }

    private static async Task TourModelsAsync(ITandemClient client, TandemTwin twin, ModelUrn defaultModel, CancellationToken cancellationToken)
    {
        var models = new Table().AddColumns("Model", "Main", "Elements", "Id");
        await ProgressDisplay.RunAsync(async progress =>
        {
            var scanning = new WorkCounter(progress, "Model scan", "models", twin.Links.Count);
            long elements = 0;
            foreach (var link in twin.Links)
            {
                if (!ModelUrn.TryParse(link.ModelId, out var modelId))
                {
                    continue;
                }

                // Streamed row by row: a real model's scan can be tens of MB.
                var rows = 0;
                await foreach (var _ in client.ModelData.ScanRowsAsync(modelId, new ScanRequest { QualifiedColumns = ["n:n"] }, cancellationToken))
                {
                    rows++;
                }

                elements += rows;
                models.AddRow(
                    Markup.Escape(string.IsNullOrEmpty(link.Label) ? (modelId == defaultModel ? "(default model)" : "-") : link.Label),
                    link.Main == true ? "yes" : "",
                    rows.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(modelId.Value));
                scanning.Advance(1, $"{elements} elements");
            }

            scanning.Complete();
        });

        AnsiConsole.Write(models);
    }

    private static async Task TourSchemaAndHistoryAsync(ITandemClient client, ModelUrn defaultModel, CancellationToken cancellationToken)
    {
        var schema = await client.ModelData.GetSchemaAsync(defaultModel, cancellationToken);
        var history = await client.ModelData.GetHistoryAsync(defaultModel, new HistoryRequest { Min = DateTimeOffset.UnixEpoch, Max = DateTimeOffset.UtcNow }, cancellationToken);
        AnsiConsole.MarkupLine($"Default model: [green]{schema.Attributes.Count}[/] attribute(s) in its schema, [green]{history.Count}[/] change(s) in its history" +
            (history.Count == 0 ? "." : $", the newest {Stamp(history.Max(h => h.Timestamp))} ({Markup.Escape(history.MaxBy(h => h.Timestamp)!.Description ?? "-")})."));
    }

    /// <summary>Scans the default model for its element flags and names; a stream is flagged <see cref="ElementFlags.Stream"/>.</summary>
    /// <returns>The streams by FULL key (what the timeseries API takes) with their names.</returns>
    private static async Task<Dictionary<ElementKey, string>> FindStreamsAsync(ITandemClient client, ModelUrn defaultModel, CancellationToken cancellationToken)
    {
        var streams = new Dictionary<ElementKey, string>();
        var request = new ScanRequest { QualifiedColumns = [ElementRow.ElementFlagsColumn, "n:n"] };
        await foreach (var row in client.ModelData.ScanRowsAsync(defaultModel, request, cancellationToken))
        {
            if (row.Flags == ElementFlags.Stream)
            {
                streams[row.GetFullKey()] = row.GetString("n:n") ?? row.Key.ToString();
            }
        }

        AnsiConsole.MarkupLine($"Streams in the default model (n:a = 0x01000003): [green]{streams.Count}[/].");
        return streams;
    }

    /// <summary>
    /// Sends one reading to each stream in one request (ingest allows 1 request/s per model) and reads each back at its own
    /// timestamp. The property written is one the stream already reports; a stream without any reading is skipped.
    /// </summary>
    private static async Task WriteAndReadBackAsync(
        ITandemClient client,
        ModelUrn defaultModel,
        Dictionary<ElementKey, string> streams,
        IReadOnlyDictionary<ElementKey, StreamReadings> last,
        CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        var sent = new List<(ElementKey Key, string Property, double Value)>();
        var items = new List<StreamIngestItem>();
        foreach (var (key, _) in streams)
        {
            if (!last.TryGetValue(key, out var readings) || readings.Properties.FirstOrDefault(p => p.Value.Count > 0) is not { Key: { } property } known)
            {
                continue;
            }

            var value = Math.Round(known.Value[^1].Value + 0.5, 2);
            items.Add(new StreamIngestItem(key, new Dictionary<string, double>(StringComparer.Ordinal) { [property] = value }, at));
            sent.Add((key, property, value));
        }

        var table = new Table().AddColumns("Stream", "Property", "Sent", "At", "Read back");
        if (items.Count > 0)
        {
            await client.Streams.SendReadingsAsync(defaultModel, items, cancellationToken);
        }

        var matched = 0;
        foreach (var (key, property, value) in sent)
        {
            var back = await client.Streams.GetReadingsAsync(defaultModel, key, new StreamReadingsQuery { From = at, To = at }, cancellationToken);
            var found = back.Get(property).Where(r => r.Timestamp == at).Select(r => (double?)r.Value).FirstOrDefault();
            matched += found == value ? 1 : 0;
            table.AddRow(Markup.Escape(streams[key]), Markup.Escape(property), Number(value), Stamp(at), found is { } v ? Number(v) : "[red]missing[/]");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Wrote [green]{sent.Count}[/] reading(s) in one request; read back [green]{matched}[/] at their own timestamp" +
            (sent.Count < streams.Count ? $" ({streams.Count - sent.Count} stream(s) without any reading to name a property were skipped)." : "."));
        if (matched != sent.Count)
        {
            throw new InvalidOperationException($"Only {matched} of {sent.Count} readings were read back at the time they were sent with.");
        }
    }

    private static string Stamp(DateTimeOffset value) => value.ToString("u", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
