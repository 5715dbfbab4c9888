using System.Globalization;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Query;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>Lifecycle Twin: authenticate, list sites with a select, filter assets by name and walk all pages.</summary>
internal sealed class LifecycleTwinScenario : IScenario
{
    public string Name => "lifecycle-twin";

    public string Description => "Siemens Lifecycle Twin: sites with a select, assets filtered by name across all pages.";

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

        var siteQuery = LifecycleTwinQuery.Empty
            .WithSelection(Selection.Of("Id", "Name", "CityName").With("Location", "Id", "Name"))
            .WithSort(Sort.Ascending("Name"));
        var sites = new Table().AddColumns("Site", "City", "Location", "Id");
        var siteCount = 0;
        await foreach (var site in client.Sites.GetSitesAsync(siteQuery, cancellationToken))
        {
            siteCount++;
            sites.AddRow(Markup.Escape(site.Name ?? "-"), Markup.Escape(site.CityName ?? "-"), Markup.Escape(site.Location?.Name ?? "-"), Markup.Escape(site.Id ?? "-"));
        }

        AnsiConsole.Write(sites);

        var assetQuery = LifecycleTwinQuery.Empty
            .WithSelection(Selection.Of("Id", "Name", "Quantity"))
            .WithFilter(Filter.Contains("Name", "Pump"));
        var assets = new Table().AddColumns("Asset", "Quantity", "Id");
        var pages = 0;
        long matching = 0;

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
        AnsiConsole.MarkupLine($"Sites: [green]{siteCount}[/]; assets whose name contains 'Pump': [green]{matching}[/] across [green]{pages}[/] pages of 100 (first 8 shown).");
        if (emulator is not null)
        {
            AnsiConsole.MarkupLine($"The emulator saw {emulator.Requests.Count} requests and issued {emulator.TokensIssued} token(s).");
        }
    }
}
