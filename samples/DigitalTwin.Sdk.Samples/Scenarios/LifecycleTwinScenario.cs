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

    public async Task RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(LifecycleTwinOptions.SectionName);
        await using var emulator = section["BaseUrl"] is null
            ? await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 2_500 }, cancellationToken)
            : null;

        var services = new ServiceCollection();
        if (emulator is null)
        {
            services.AddLifecycleTwin(section);
            AnsiConsole.MarkupLine($"Endpoint: [blue]{Markup.Escape(section["BaseUrl"]!)}[/] (from configuration)");
        }
        else
        {
            services.AddLifecycleTwin(o =>
            {
                o.BaseUrl = emulator.BaseUri;
                o.ClientId = emulator.ClientId;
                o.ClientSecret = emulator.ClientSecret;
                o.Username = emulator.Username;
                o.Password = emulator.Password;
                o.ClientName = emulator.ClientName;
                o.ProjectId = emulator.ProjectId;
            });
            AnsiConsole.MarkupLine($"Endpoint: [blue]{emulator.BaseUri}[/] (embedded emulator; set DigitalTwin__LifecycleTwin__BaseUrl to use a real service)");
        }

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ILifecycleTwinClient>();

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
        int pages = 0, matching = 0;

        // The emulator knows how many assets match; a real service does not say, so the bar is indeterminate there.
        var expected = emulator?.Assets.Count(a => a.Name.Contains("Pump", StringComparison.OrdinalIgnoreCase));
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Walking assets named *Pump* (pages of 100)", maxValue: Math.Max(1, expected ?? 1));
                task.IsIndeterminate = expected is null;
                await foreach (var page in client.Assets.GetAssetsAsync(assetQuery, cancellationToken: cancellationToken).AsPages(pageSizeHint: 100).WithCancellation(cancellationToken))
                {
                    pages++;
                    foreach (var asset in page.Values)
                    {
                        if (matching++ < 8)
                        {
                            assets.AddRow(Markup.Escape(asset.Name ?? "-"), asset.Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", Markup.Escape(asset.Id ?? "-"));
                        }
                    }

                    task.Description = $"Walking assets named *Pump*: page {pages}, {matching} so far";
                    if (expected is not null)
                    {
                        task.Value = Math.Min(matching, task.MaxValue);
                    }
                }

                task.IsIndeterminate = false;
                task.MaxValue = Math.Max(1, matching);
                task.Value = task.MaxValue;
            });

        AnsiConsole.Write(assets);
        AnsiConsole.MarkupLine($"Sites: [green]{siteCount}[/]; assets whose name contains 'Pump': [green]{matching}[/] across [green]{pages}[/] pages of 100 (first 8 shown).");
        if (emulator is not null)
        {
            AnsiConsole.MarkupLine($"The emulator saw {emulator.Requests.Count} requests and issued {emulator.TokensIssued} token(s).");
        }
    }
}
