using System.Globalization;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>Lifecycle Twin: every read endpoint (sites, assets, documents, raw entities), list and by id, with default selections.</summary>
internal sealed class LifecycleTwinScenario : IScenario
{
    public string Name => "lifecycle-twin";

    public string Description => "Siemens Lifecycle Twin: sites, assets filtered by name across all pages, documents, locations and systems.";

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

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var configuration = run.Configuration;
        var section = configuration.GetSection(LifecycleTwinOptions.SectionName);
        await using var target = await ScenarioTarget<LifecycleTwinEmulator>.StartAsync(
            configuredEndpoint: section["BaseUrl"],
            startEmulator: ct => LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 2_500 }, ct),
            emulatorEndpoint: emulator => emulator.BaseUri,
            settingsHint: "DigitalTwin__LifecycleTwin__BaseUrl",
            addConfigured: services => services.AddLifecycleTwin(section),
            addEmulated: (services, emulator) => services.AddLifecycleTwin(o =>
            {
                o.BaseUrl = emulator.BaseUri;
                o.ClientId = emulator.ClientId;
                o.ClientSecret = emulator.ClientSecret;
                o.Username = emulator.Username;
                o.Password = emulator.Password;
                o.ClientName = emulator.ClientName;
                o.ProjectId = emulator.ProjectId;
            }),
            cancellationToken);
        var emulator = target.Emulator;
        var client = target.GetRequiredService<ILifecycleTwinClient>();

        // Every read endpoint of the SDK, each with the default selection of its model unless a narrower one is shown.
        var sites = new Table().AddColumns("Site", "City", "Owner", "Location", "Id");
        var siteList = new List<Siemens.LifecycleTwin.Models.Site>();
        await foreach (var site in client.Sites.GetSitesAsync(cancellationToken: cancellationToken))
        {
            siteList.Add(site);
            sites.AddRow(
                Markup.Escape(site.Name ?? "-"), Markup.Escape(site.CityName ?? "-"), Markup.Escape(site.OwnerOrganization?.Name ?? site.OwnerOrganization?.Id ?? "-"),
                Markup.Escape(site.Location?.Name ?? "-"), Markup.Escape(site.Id ?? "-"));
        }

        AnsiConsole.Write(sites);
        if (siteList.FirstOrDefault()?.Id is { } firstSiteId)
        {
            var one = await client.Sites.GetSiteAsync(firstSiteId, cancellationToken: cancellationToken);
            AnsiConsole.MarkupLine($"GetSite({Markup.Escape(firstSiteId)}): [green]{Markup.Escape(one.Name ?? "-")}[/], created {one.CreatedOn:u}.");
        }

        var assetQuery = LifecycleTwinQuery.Empty
            .WithSelection(Selection.Of("Id", "Name", "Quantity"))
            .WithFilter(Filter.Contains("Name", "Pump"));
        var assets = new Table().AddColumns("Asset", "Quantity", "Id");
        var pages = 0;
        long matching = 0;
        string? firstAssetId = null;

        // The emulator knows how many assets match; a real service does not say, so the bar is indeterminate there.
        var expected = emulator?.Assets.Count(a => a.Name.Contains("Pump", StringComparison.OrdinalIgnoreCase));
        await ProgressDisplay.RunAsync(async progress =>
        {
            var walk = new WorkCounter(progress, "Assets *Pump*", "", expected);
            await foreach (var page in client.Assets.GetAssetsAsync(assetQuery, cancellationToken: cancellationToken).AsPages(pageSizeHint: 100).WithCancellation(cancellationToken))
            {
                pages++;
                foreach (var asset in page.Values)
                {
                    firstAssetId ??= asset.Id;
                    if (assets.Rows.Count < 8)
                    {
                        assets.AddRow(Markup.Escape(asset.Name ?? "-"), asset.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "-", Markup.Escape(asset.Id ?? "-"));
                    }
                }

                walk.Advance(page.Values.Count, $"page {pages}");
            }

            walk.Complete();
            matching = walk.Done;
        });

        AnsiConsole.Write(assets);
        AnsiConsole.MarkupLine($"Sites: [green]{siteList.Count}[/]; assets whose name contains 'Pump': [green]{matching}[/] across [green]{pages}[/] pages of 100 (first 8 shown).");
        if (firstAssetId is not null)
        {
            var asset = await client.Assets.GetAssetAsync(firstAssetId, cancellationToken: cancellationToken);
            AnsiConsole.MarkupLine(
                $"GetAsset({Markup.Escape(firstAssetId)}): [green]{Markup.Escape(asset.Name ?? "-")}[/] in {Markup.Escape(asset.Location?.Name ?? "-")}, "
                + $"{asset.Systems?.Count ?? 0} system(s), {asset.CustomFields?.Count ?? 0} custom field(s).");
        }

        var documents = new Table().AddColumns("Document", "Folder?", "Parent", "Files", "Id");
        string? firstDocumentId = null;
        var documentCount = 0;
        await foreach (var document in client.Documents.GetDocumentsAsync(cancellationToken: cancellationToken))
        {
            documentCount++;
            if (document.IsFolder != true)
            {
                firstDocumentId ??= document.Id;
            }

            if (documents.Rows.Count < 6)
            {
                documents.AddRow(
                    Markup.Escape(document.Name ?? "-"), document.IsFolder == true ? "yes" : "no", Markup.Escape(document.Parent?.Name ?? document.Parent?.Id ?? "-"),
                    Markup.Escape(string.Join(", ", document.Files?.Select(f => $"{f.Name} ({f.Size} B)") ?? [])), Markup.Escape(document.Id ?? "-"));
            }
        }

        AnsiConsole.Write(documents);
        AnsiConsole.MarkupLine($"Documents and folders: [green]{documentCount}[/] (first 6 shown).");
        if (firstDocumentId is not null)
        {
            var document = await client.Documents.GetDocumentAsync(firstDocumentId, cancellationToken: cancellationToken);
            AnsiConsole.MarkupLine($"GetDocument({Markup.Escape(firstDocumentId)}): [green]{Markup.Escape(document.Name ?? "-")}[/], {document.Files?.Count ?? 0} file(s).");
        }

        // Entity types the SDK has not modelled, as raw JSON: {"Id", "Name"} unless a selection is given.
        foreach (var entityPath in new[] { "locations", "systems" })
        {
            var count = 0;
            string? firstId = null;
            await foreach (var entity in client.Entities.GetEntitiesAsync(entityPath, cancellationToken: cancellationToken))
            {
                count++;
                firstId ??= entity.TryGetProperty("Id", out var id) ? id.GetString() : null;
            }

            var detail = firstId is null ? string.Empty
                : $"; GetEntity({Markup.Escape(firstId)}): {Markup.Escape((await client.Entities.GetEntityAsync(entityPath, firstId, cancellationToken: cancellationToken)).GetRawText())}";
            AnsiConsole.MarkupLine($"{entityPath}: [green]{count}[/]{detail}");
        }

        if (run.Write)
        {
            AnsiConsole.MarkupLine("[grey]--write: the SDK offers no Lifecycle Twin writes, so nothing was written.[/]");
        }

        if (emulator is not null)
        {
            AnsiConsole.MarkupLine($"The emulator saw {emulator.Requests.Count} requests and issued {emulator.TokensIssued} token(s).");
        }
    }
}
