using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Testing.Tandem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        // The client from DI: bound to the DigitalTwin:Tandem section, or pointed at the embedded emulator when none is set.
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
            addEmulated: (services, emulator) => services.AddTandem(o => UseEmulator(o, emulator)),
            cancellationToken);
        var client = target.GetRequiredService<ITandemClient>();
        var view = new TandemView();

        // The caller's groups, each read again by URN, with how many twins it holds.
        var groups = new List<(string Urn, TandemGroup Group, int Twins)>();
        await foreach (var group in client.Groups.GetGroupsAsync(cancellationToken))
        {
            if (group.Urn is not null)
            {
                var one = await client.Groups.GetGroupAsync(group.Urn, cancellationToken);
                var twins = await client.Groups.GetTwinsAsync(group.Urn, cancellationToken).CountAsync(cancellationToken);
                groups.Add((group.Urn, one, twins));
            }
        }

        view.ShowGroups(groups);

        // The caller's twins; the tour takes the configured DigitalTwin:Tandem:TwinId (optional), else the first of them.
        var myTwins = await client.Twins.GetMyTwinsAsync(cancellationToken).ToListAsync(cancellationToken);
        view.ShowTwinCount(myTwins.Count);
        var twinId = section["TwinId"] is { } configured ? TwinUrn.Parse(configured)
            : myTwins.Select(t => TwinUrn.TryParse(t.TwinId, out var urn) ? urn : null).FirstOrDefault(urn => urn is not null);
        if (twinId is null)
        {
            view.ShowNoTwin();
            return;
        }

        // The twin, and whether HEAD finds it.
        var twin = await client.Twins.GetTwinAsync(twinId, cancellationToken);
        var exists = await client.Twins.ExistsAsync(twinId, cancellationToken);
        view.ShowTwin(twinId, twin, exists);

        // Each of the twin's documents, downloaded by its signed link. The bearer token goes only to an origin on
        // DigitalTwin:Tandem:CredentialOrigins; any other is refused, which the table shows instead of failing the tour.
        var downloads = new List<(TwinDocument Document, long? Bytes, string? Refusal)>();
        foreach (var doc in twin.Docs)
        {
            using var content = new MemoryStream();
            try
            {
                if (doc.SignedLink is not null)
                {
                    await client.Twins.DownloadDocumentAsync(doc, content, cancellationToken);
                }

                downloads.Add((doc, content.Length, null));
            }
            catch (DigitalTwinException ex)
            {
                downloads.Add((doc, null, ex.Message));
            }
        }

        view.ShowDocuments(downloads);

        // The twin's saved views.
        view.ShowViews(await client.Twins.GetViewsAsync(twinId, cancellationToken).ToListAsync(cancellationToken));

        // An element scan of each linked model, streamed row by row (a real model's scan can be tens of MB).
        var defaultModel = twinId.DefaultModel;
        await view.ScanModelsAsync(twin.Links, defaultModel, modelId => client.ModelData.ScanRowsAsync(modelId, new ScanRequest { QualifiedColumns = ["n:n"] }, cancellationToken), cancellationToken);

        // The default model's schema and its change history.
        var schema = await client.ModelData.GetSchemaAsync(defaultModel, cancellationToken);
        var history = await client.ModelData.GetHistoryAsync(defaultModel, new HistoryRequest { Min = DateTimeOffset.UnixEpoch, Max = DateTimeOffset.UtcNow }, cancellationToken);
        view.ShowSchemaAndHistory(schema, history);

        // The default model's streams: elements flagged ElementFlags.Stream, by FULL key (what the timeseries API takes).
        var streams = new Dictionary<ElementKey, string>();
        await foreach (var row in client.ModelData.ScanRowsAsync(defaultModel, new ScanRequest { QualifiedColumns = [ElementRow.ElementFlagsColumn, "n:n"] }, cancellationToken))
        {
            if (row.Flags == ElementFlags.Stream)
            {
                streams[row.GetFullKey()] = row.GetString("n:n") ?? row.Key.ToString();
            }
        }

        view.ShowStreamCount(streams.Count);
        if (streams.Count == 0)
        {
            return;
        }

        // Every stream's last value of each property, in one request.
        var last = await client.Streams.GetLastValuesAsync(defaultModel, streams.Keys.ToList(), cancellationToken);
        view.ShowLastValues(streams, last);

        // The newest 10 readings of each stream.
        var newest = new List<(string Name, StreamReadings Readings)>();
        foreach (var (key, name) in streams)
        {
            newest.Add((name, await client.Streams.GetReadingsAsync(defaultModel, key, new StreamReadingsQuery { Limit = 10, Sort = StreamSortOrder.Descending }, cancellationToken)));
        }

        view.ShowNewestReadings(newest);

        if (run.Write)
        {
            // One reading to each stream in one request (ingest allows 1 request/s per model), at this second: half a unit
            // above its last value of a property it already reports. A stream without any reading is skipped.
            var now = DateTimeOffset.UtcNow;
            var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
            var items = new List<StreamIngestItem>();
            foreach (var (key, _) in streams)
            {
                if (last.TryGetValue(key, out var readings) && readings.Properties.FirstOrDefault(p => p.Value.Count > 0) is { Key: { } property } known)
                {
                    items.Add(new StreamIngestItem(key, new Dictionary<string, double>(StringComparer.Ordinal) { [property] = Math.Round(known.Value[^1].Value + 0.5, 2) }, at));
                }
            }

            if (items.Count > 0)
            {
                await client.Streams.SendReadingsAsync(defaultModel, items, cancellationToken);
            }

            // Each reading read back at its own timestamp.
            var readBack = new List<(StreamIngestItem Sent, double? Found)>();
            foreach (var item in items)
            {
                var (property, _) = item.Values.Single();
                var back = await client.Streams.GetReadingsAsync(defaultModel, item.StreamKey, new StreamReadingsQuery { From = at, To = at }, cancellationToken);
                readBack.Add((item, back.Get(property).Where(r => r.Timestamp == at).Select(r => (double?)r.Value).FirstOrDefault()));
            }

            view.ShowReadBack(streams, readBack);
            var matched = readBack.Count(r => r.Found == r.Sent.Values.Single().Value);
            if (matched != items.Count)
            {
                throw new InvalidOperationException($"Only {matched} of {items.Count} readings were read back at the time they were sent with.");
            }
        }
        else
        {
            view.ShowReadOnly();
        }

        if (target.Emulator is { } emulator)
        {
            view.ShowEmulator(emulator);
        }
    }

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await TandemEmulator.StartAsync(ct: cancellationToken);

        // No twin id: the scenario (like any client) finds the caller's twins itself. The document origin plays
        // https://tandem.autodesk.com, so it is the allow-list entry that may receive the bearer token.
        return new ServedEmulator(emulator, EmulatorSettings(emulator), () => emulator.Requests.Count);
    }

    /// <summary>The settings that point a client (or a scale-out worker) at <paramref name="emulator"/>.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <returns>The <c>DigitalTwin__Tandem__*</c> settings.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> EmulatorSettings(TandemEmulator emulator) =>
        Settings.Of(
            TandemOptions.SectionName,
            ("BaseUrl", new Uri(emulator.BaseUri, "tandem/v1/").ToString()),
            ("TokenUrl", new Uri(emulator.BaseUri, "authentication/v2/token").ToString()),
            ("AuthorizeUrl", new Uri(emulator.BaseUri, "authentication/v2/authorize").ToString()),
            ("RevokeUrl", new Uri(emulator.BaseUri, "authentication/v2/revoke").ToString()),
            ("ClientId", emulator.ClientId),
            ("ClientSecret", emulator.ClientSecret),
            ("Scope", "data:read data:write"),
            ("CredentialOrigins__0", emulator.DocumentOrigin.GetLeftPart(UriPartial.Authority)));

    /// <summary>
    /// Points the client at the embedded emulator. Its document origin plays https://tandem.autodesk.com, so it is the
    /// allow-list entry that may receive the bearer token.
    /// </summary>
    private static void UseEmulator(TandemOptions options, TandemEmulator emulator)
    {
        options.BaseUrl = new Uri(emulator.BaseUri, "tandem/v1/");
        options.TokenUrl = new Uri(emulator.BaseUri, "authentication/v2/token");
        options.AuthorizeUrl = new Uri(emulator.BaseUri, "authentication/v2/authorize");
        options.RevokeUrl = new Uri(emulator.BaseUri, "authentication/v2/revoke");
        options.ClientId = emulator.ClientId;
        options.ClientSecret = emulator.ClientSecret;
        options.Scope = "data:read data:write";
        options.CredentialOrigins = [emulator.DocumentOrigin];
    }
}
