using System.Globalization;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Siemens.BuildingX.Devices;
using DigitalTwin.Sdk.Siemens.BuildingX.Query;
using DigitalTwin.Sdk.Testing.BuildingX;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>Building X: account, buildings with a sparse fieldset, devices with included DeviceInfo across next links, points and values.</summary>
internal sealed class BuildingXScenario : IScenario
{
    public string Name => "building-x";

    public string Description => "Siemens Building X: buildings, devices with DeviceInfo across pages, child devices, points and the last hour of values.";

    public async Task RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(BuildingXOptions.SectionName);
        await using var emulator = section["BaseUrl"] is null
            ? await BuildingXEmulator.StartAsync(ct: cancellationToken)
            : null;

        var services = new ServiceCollection();
        if (emulator is null)
        {
            services.AddBuildingX(section);
            AnsiConsole.MarkupLine($"Endpoint: [blue]{Markup.Escape(section["BaseUrl"]!)}[/] (from configuration)");
        }
        else
        {
            services.AddBuildingX(o =>
            {
                o.BaseUrl = emulator.ApiBaseUri;
                o.TokenUrl = emulator.TokenUri;
                o.ClientId = emulator.ClientId;
                o.ClientSecret = emulator.ClientSecret;
                o.Audience = emulator.Audience;
                o.PartitionId = emulator.DocumentedPartitionId;
            });
            AnsiConsole.MarkupLine($"Endpoint: [blue]{emulator.ApiBaseUri}[/] (embedded emulator; set DigitalTwin__BuildingX__BaseUrl to use a real service)");
        }

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBuildingXClient>();

        var me = await client.Account.GetMeAsync(cancellationToken);
        AnsiConsole.MarkupLine($"Signed in as [green]{Markup.Escape(me.Attributes?.Name ?? me.Id ?? "-")}[/].");

        var partitionId = section["PartitionId"] ?? emulator?.DocumentedPartitionId;
        if (partitionId is null)
        {
            await foreach (var partition in client.Partitions.GetPartitionsAsync(cancellationToken: cancellationToken))
            {
                partitionId = partition.Id;
                break;
            }
        }

        if (partitionId is null)
        {
            AnsiConsole.MarkupLine("[yellow]No partition is accessible with these credentials.[/]");
            return;
        }

        var buildings = new Table().AddColumns("Building", "Id");
        var buildingQuery = new JsonApiQuery().Filter("type", "Building").Fields("Building", "label");
        await foreach (var building in client.Locations.GetLocationsAsync(partitionId, buildingQuery, cancellationToken))
        {
            buildings.AddRow(Markup.Escape(building.Attributes?.Label ?? "-"), Markup.Escape(building.Id ?? "-"));
        }

        AnsiConsole.Write(buildings);

        // The service drops include from its next links; the client puts it back, so every page has DeviceInfo.
        var devices = new Table().AddColumns("Device", "Serial", "Model", "Firmware");
        var deviceQuery = new JsonApiQuery().Include("hasFeatures.DeviceInfo").PageLimit(5);
        var pages = 0;
        var all = new List<Device>();
        await foreach (var page in client.Devices.GetDevicesAsync(partitionId, deviceQuery, cancellationToken).AsPages().WithCancellation(cancellationToken))
        {
            pages++;
            foreach (var device in page.Values)
            {
                all.Add(device);
                var info = device.GetDeviceInfo();
                devices.AddRow(
                    Markup.Escape(device.Attributes?.Name ?? "-"),
                    Markup.Escape(device.Attributes?.SerialNumber ?? "-"),
                    Markup.Escape(info?.Attributes?.Model ?? "-"),
                    Markup.Escape(info?.Attributes?.FirmwareVersion ?? "-"));
            }
        }

        AnsiConsole.Write(devices);
        AnsiConsole.MarkupLine($"Devices: [green]{all.Count}[/] across [green]{pages}[/] pages of 5.");

        foreach (var device in all.Take(3))
        {
            var children = 0;
            await foreach (var _ in client.Devices.GetChildDevicesAsync(device.Id!, cancellationToken: cancellationToken))
            {
                children++;
            }

            AnsiConsole.MarkupLine($"{Markup.Escape(device.Attributes?.Name ?? device.Id!)}: [green]{children}[/] child device(s).");
        }

        var first = all.FirstOrDefault();
        if (first is null)
        {
            return;
        }

        var values = new Table().AddColumns("Point", "Timestamp", "Value");
        var to = DateTimeOffset.UtcNow;
        await foreach (var point in client.Points.GetPointsAsync(first.Id!, cancellationToken: cancellationToken))
        {
            var shown = 0;
            await foreach (var value in client.Points.GetPointValuesAsync(point.Id!, to.AddHours(-1), to, cancellationToken: cancellationToken))
            {
                if (shown++ < 2)
                {
                    values.AddRow(
                        Markup.Escape(point.Attributes?.Name ?? "-"),
                        value.Attributes?.Timestamp?.ToString("u", CultureInfo.InvariantCulture) ?? "-",
                        Markup.Escape(value.Attributes?.Value?.GetRawText() ?? "-"));
                }
            }
        }

        AnsiConsole.Write(values);
        if (emulator is not null)
        {
            AnsiConsole.MarkupLine($"The emulator saw {emulator.Requests.Count} requests, issued {emulator.TokensIssued} token(s) and answered 429 {emulator.RateLimitedCount} time(s).");
        }
    }
}
