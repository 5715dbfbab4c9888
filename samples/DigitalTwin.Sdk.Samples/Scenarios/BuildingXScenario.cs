using System.Globalization;
using System.Text.Json;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Testing.BuildingX;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>Building X: account, buildings with a sparse fieldset, devices with included DeviceInfo across next links, points and values.</summary>
internal sealed class BuildingXScenario : IScenario
{
    private const int DevicePageSize = 5;
    private const int ValuePageSize = 12;
    private static readonly TimeSpan ValueWindow = TimeSpan.FromHours(6);

    public string Name => "building-x";

    public string Description => "Siemens Building X: user groups, customers and partitions (Accounts API), buildings, devices with DeviceInfo across pages, child devices, a device and a point with its present value, points and six hours of values across pages.";

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await BuildingXEmulator.StartAsync(ct: cancellationToken);
        return new ServedEmulator(emulator, Settings.Of(BuildingXOptions.SectionName,
            ("BaseUrl", emulator.ApiBaseUri.ToString()),
            ("AccountsBaseUrl", emulator.AccountsBaseUri.ToString()),
            ("TokenUrl", emulator.TokenUri.ToString()),
            ("ClientId", emulator.ClientId),
            ("ClientSecret", emulator.ClientSecret),
            ("Audience", emulator.Audience),
            ("PartitionId", emulator.DocumentedPartitionId)), () => emulator.Requests.Count);
    }

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var configuration = run.Configuration;
        var section = configuration.GetSection(BuildingXOptions.SectionName);
        await using var target = await ScenarioTarget<BuildingXEmulator>.StartAsync(
            configuredEndpoint: section["BaseUrl"],
            startEmulator: ct => BuildingXEmulator.StartAsync(ct: ct),
            emulatorEndpoint: emulator => emulator.ApiBaseUri,
            settingsHint: "DigitalTwin__BuildingX__BaseUrl",
            addConfigured: services => services.AddBuildingX(section),
            addEmulated: (services, emulator) => services.AddBuildingX(o =>
            {
                o.BaseUrl = emulator.ApiBaseUri;
                o.AccountsBaseUrl = emulator.AccountsBaseUri;
                o.TokenUrl = emulator.TokenUri;
                o.ClientId = emulator.ClientId;
                o.ClientSecret = emulator.ClientSecret;
                o.Audience = emulator.Audience;
                o.PartitionId = emulator.DocumentedPartitionId;
            }),
            cancellationToken);
        var emulator = target.Emulator;
        var client = target.GetRequiredService<IBuildingXClient>();

        // Accounts API: which partitions may this machine user see, and whose are they?
        var accessible = new List<string>();
        await foreach (var group in client.Account.GetUserGroupsAsync(cancellationToken: cancellationToken))
        {
            accessible.AddRange(group.PartitionIds);
            AnsiConsole.MarkupLine($"User group [green]{Markup.Escape(group.Attributes?.Name ?? group.Id ?? "-")}[/] gives access to {group.PartitionIds.Count} partition(s).");
        }

        var partitions = new Table().AddColumns("Customer", "Partition", "Id");
        await foreach (var customer in client.Account.GetCustomersAsync(cancellationToken: cancellationToken))
        {
            await foreach (var partition in client.Partitions.GetPartitionsAsync(customer.Id!, cancellationToken: cancellationToken))
            {
                partitions.AddRow(Markup.Escape(customer.Attributes?.Name ?? customer.Id ?? "-"), Markup.Escape(partition.Attributes?.Name ?? "-"), Markup.Escape(partition.Id ?? "-"));
                accessible.Add(partition.Id!);
            }
        }

        AnsiConsole.Write(partitions);
        var partitionId = section["PartitionId"] ?? emulator?.DocumentedPartitionId ?? accessible.FirstOrDefault();

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

        var devices = new List<Device>();
        var devicePages = 0;
        var firstPoints = new List<(Device Device, Point Point)>();
        var values = new Table().AddColumns("Device", "Point", "Values", "Pages", "Latest (UTC)", "Value");
        long valueCount = 0;
        var valuePages = 0;
        var to = DateTimeOffset.UtcNow;
        await ProgressDisplay.RunAsync(async progress =>
        {
            // The service tells no total, so the device bar is indeterminate until the last next link. It drops include
            // from its next links; the client puts it back, so every page has DeviceInfo.
            var deviceWalk = new WorkCounter(progress, $"Devices, {DevicePageSize} a page", "", expected: null);
            var deviceQuery = new JsonApiQuery().Include("hasFeatures.DeviceInfo").PageLimit(DevicePageSize);
            await foreach (var page in client.Devices.GetDevicesAsync(partitionId, deviceQuery, cancellationToken).AsPages().WithCancellation(cancellationToken))
            {
                devicePages++;
                devices.AddRange(page.Values);
                deviceWalk.Advance(page.Values.Count, $"page {devicePages}");
            }

            deviceWalk.Complete();

            foreach (var device in devices.Take(3))
            {
                await foreach (var point in client.Points.GetPointsAsync(partitionId, device.Id!, cancellationToken: cancellationToken))
                {
                    firstPoints.Add((device, point));
                }
            }

            // The number of points is known now, so this bar is determinate; each point's values come across next links.
            var valueWalk = new WorkCounter(progress, $"Values, {ValueWindow.TotalHours:0} h", "points", firstPoints.Count);
            var valueQuery = new JsonApiQuery().PageLimit(ValuePageSize);
            foreach (var (device, point) in firstPoints)
            {
                int count = 0, pages = 0;
                PointValue? latest = null;
                await foreach (var page in client.Points.GetPointValuesAsync(partitionId, point.Id!, to - ValueWindow, to, valueQuery, cancellationToken).AsPages().WithCancellation(cancellationToken))
                {
                    pages++;
                    count += page.Values.Count;
                    foreach (var value in page.Values)
                    {
                        if (latest is null || value.Attributes?.Timestamp > latest.Attributes?.Timestamp)
                        {
                            latest = value;
                        }
                    }
                }

                valueCount += count;
                valuePages += pages;
                valueWalk.Advance(1, $"{valuePages} pages");
                values.AddRow(
                    Markup.Escape(device.Attributes?.Name ?? device.Id ?? "-"),
                    Markup.Escape(point.Attributes?.Name ?? point.Id ?? "-"),
                    count.ToString(CultureInfo.InvariantCulture),
                    pages.ToString(CultureInfo.InvariantCulture),
                    latest?.Attributes?.Timestamp?.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "-",
                    Markup.Escape(latest?.Attributes?.Value?.GetRawText() ?? "-"));
            }

            valueWalk.Complete();
        });

        var deviceTable = new Table().AddColumns("Device", "Serial", "Model", "Firmware", "Child devices");
        foreach (var (device, index) in devices.Select((d, i) => (d, i)))
        {
            var info = device.GetDeviceInfo();
            var children = "";
            if (index < 3)
            {
                var count = 0;
                await foreach (var _ in client.Devices.GetChildDevicesAsync(partitionId, device.Id!, cancellationToken: cancellationToken))
                {
                    count++;
                }

                children = count.ToString(CultureInfo.InvariantCulture);
            }

            deviceTable.AddRow(
                Markup.Escape(device.Attributes?.Name ?? "-"),
                Markup.Escape(device.Attributes?.SerialNumber ?? "-"),
                Markup.Escape(info?.Attributes?.Model ?? "-"),
                Markup.Escape(info?.Attributes?.FirmwareVersion ?? "-"),
                children);
        }

        AnsiConsole.Write(deviceTable);
        if (firstPoints.Count > 0)
        {
            // One device and one point by id; field[Point]=pointValue adds the present value.
            var (firstDevice, firstPoint) = firstPoints[0];
            var device = await client.Devices.GetDeviceAsync(partitionId, firstDevice.Id!, cancellationToken: cancellationToken);
            var point = await client.Points.GetPointAsync(partitionId, firstPoint.Id!, new JsonApiQuery().Field("Point", "pointValue"), cancellationToken);
            AnsiConsole.MarkupLine($"Device [green]{Markup.Escape(device.Attributes?.Name ?? "-")}[/], point [green]{Markup.Escape(point.Attributes?.Name ?? "-")}[/]: present value {Markup.Escape(point.Attributes?.PointValue?.Value?.ToString() ?? "-")} at {Markup.Escape(point.Attributes?.PointValue?.Timestamp?.ToString("u", CultureInfo.InvariantCulture) ?? "-")}.");
        }

        if (run.Write)
        {
            // Command a setpoint the way the vendor's partner client does (PATCH with pointValue), then read it back.
            var setpoint = firstPoints.Select(f => f.Point).FirstOrDefault(p => p.Attributes?.Name == "Setpoint" && p.Attributes.IsActive != false);
            if (setpoint is null)
            {
                AnsiConsole.MarkupLine("[yellow]--write: no active point named Setpoint among the first devices; nothing commanded.[/]");
            }
            else
            {
                var path = $"partitions/{partitionId}/points/{setpoint.Id}?field[Point]=pointValue";
                var command = JsonDocument.Parse("{\"pointValue\":{\"value\":\"21.5\"}}").RootElement.Clone();
                var result = await client.Resources.UpdateResourceAsync(path, new JsonApiResource<JsonElement> { Type = "Point", Id = setpoint.Id, Attributes = command }, cancellationToken);
                var after = await client.Points.GetPointAsync(partitionId, setpoint.Id!, new JsonApiQuery().Field("Point", "pointValue"), cancellationToken);
                AnsiConsole.MarkupLine($"--write: commanded {Markup.Escape(setpoint.Id!)} to 21.5 ({(int)result.StatusCode}); it now reads {Markup.Escape(after.Attributes?.PointValue?.Value?.ToString() ?? "-")}.");
            }
        }

        AnsiConsole.MarkupLine($"Devices: [green]{devices.Count}[/] across [green]{devicePages}[/] pages of {DevicePageSize} (child devices counted for the first 3).");
        AnsiConsole.Write(values);
        AnsiConsole.MarkupLine($"Values: [green]{valueCount:N0}[/] for {firstPoints.Count} points of the first 3 devices across [green]{valuePages}[/] pages of {ValuePageSize}.");
        if (emulator is not null)
        {
            AnsiConsole.MarkupLine($"The emulator saw {emulator.Requests.Count} requests, issued {emulator.TokensIssued} token(s) and answered 429 {emulator.RateLimitedCount} time(s).");
        }
    }
}
