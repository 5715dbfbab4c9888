using System.Text.Json;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>Lifecycle Twin: every read endpoint (sites, assets, documents, raw entities), list and by id, with default selections.</summary>
internal sealed class LifecycleTwinScenario : IScenario
{
    public string Name => "lifecycle-twin";

    public string Description => "Siemens Lifecycle Twin: sites, assets filtered by name across all pages, documents, locations and systems.";

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        // The client from DI: bound to the DigitalTwin:LifecycleTwin section, or pointed at the embedded emulator when none is set.
        var section = run.Configuration.GetSection(LifecycleTwinOptions.SectionName);
        await using var target = await ScenarioTarget<LifecycleTwinEmulator>.StartAsync(
            configuredEndpoint: section["BaseUrl"],
            startEmulator: ct => LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 2_500 }, ct),
            emulatorEndpoint: emulator => emulator.BaseUri,
            settingsHint: "DigitalTwin__LifecycleTwin__BaseUrl",
            addConfigured: services => services.AddLifecycleTwin(section),
            addEmulated: (services, emulator) => services.AddLifecycleTwin(o => UseEmulator(o, emulator)),
            cancellationToken);
        var client = target.GetRequiredService<ILifecycleTwinClient>();
        var view = new LifecycleTwinView();

        // Every site, with the default selection of Site (as every call below that gives no selection).
        var sites = await client.Sites.GetSitesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        view.ShowSites(sites);

        // One site by id.
        if (sites.FirstOrDefault()?.Id is { } siteId)
        {
            view.ShowSite(siteId, await client.Sites.GetSiteAsync(siteId, cancellationToken: cancellationToken));
        }

        // Every page of the assets whose name contains "Pump", 100 a page, with only Id, Name and Quantity selected.
        // The emulator knows how many match; a real service does not say, so the bar is indeterminate there.
        var pumps = LifecycleTwinQuery.Empty
            .WithSelection(Selection.Of("Id", "Name", "Quantity"))
            .WithFilter(Filter.Contains("Name", "Pump"));
        var expected = target.Emulator?.Assets.Count(a => a.Name.Contains("Pump", StringComparison.OrdinalIgnoreCase));
        var firstAsset = await view.WalkAssetsAsync(
            client.Assets.GetAssetsAsync(pumps, cancellationToken: cancellationToken).AsPages(pageSizeHint: 100), expected, sites.Count, cancellationToken);

        // One asset by id, with its location, systems and custom fields.
        if (firstAsset?.Id is { } assetId)
        {
            view.ShowAsset(assetId, await client.Assets.GetAssetAsync(assetId, cancellationToken: cancellationToken));
        }

        // Every document and folder, then the first document (not folder) by id.
        var documents = await client.Documents.GetDocumentsAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        view.ShowDocuments(documents);
        if (documents.FirstOrDefault(d => d.IsFolder != true)?.Id is { } documentId)
        {
            view.ShowDocument(documentId, await client.Documents.GetDocumentAsync(documentId, cancellationToken: cancellationToken));
        }

        // Entity types the SDK has not modelled, as raw JSON ({"Id", "Name"} unless a selection is given): list, then one by id.
        foreach (var entityPath in new[] { "locations", "systems" })
        {
            var entities = await client.Entities.GetEntitiesAsync(entityPath, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
            var firstId = entities.Select(e => e.TryGetProperty("Id", out var id) ? id.GetString() : null).FirstOrDefault(id => id is not null);
            var first = firstId is null ? default(JsonElement?) : await client.Entities.GetEntityAsync(entityPath, firstId, cancellationToken: cancellationToken);
            view.ShowEntities(entityPath, entities.Count, firstId, first);
        }

        if (run.Write)
        {
            view.ShowNoWrites();
        }

        if (target.Emulator is { } emulator)
        {
            view.ShowEmulator(emulator);
        }
    }

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 1_000 }, cancellationToken);
        return new ServedEmulator(emulator, Settings.Of(LifecycleTwinOptions.SectionName,
            ("BaseUrl", emulator.BaseUri.ToString()),
            ("ClientId", emulator.ClientId),
            ("ClientSecret", emulator.ClientSecret),
            ("Username", emulator.Username),
            ("Password", emulator.Password),
            ("ClientName", emulator.ClientName),
            ("ProjectId", emulator.ProjectId)), () => emulator.Requests.Count);
    }

    /// <summary>Points the client at the embedded emulator, with the credentials it accepts.</summary>
    private static void UseEmulator(LifecycleTwinOptions options, LifecycleTwinEmulator emulator)
    {
        options.BaseUrl = emulator.BaseUri;
        options.ClientId = emulator.ClientId;
        options.ClientSecret = emulator.ClientSecret;
        options.Username = emulator.Username;
        options.Password = emulator.Password;
        options.ClientName = emulator.ClientName;
        options.ProjectId = emulator.ProjectId;
    }
}
