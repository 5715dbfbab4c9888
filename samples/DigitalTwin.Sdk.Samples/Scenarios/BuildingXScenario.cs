using System.Text.Json;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Testing.BuildingX;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>Building X: account, buildings with a sparse fieldset, devices with included DeviceInfo across next links, points and values.</summary>
internal sealed class BuildingXScenario : IScenario
{
    private const int DevicePageSize = 5;
    private const int ValuePageSize = 12;
    private const int FirstDevices = 3;
    private static readonly TimeSpan ValueWindow = TimeSpan.FromHours(6);

    public string Name => "building-x";

    public string Description => "Siemens Building X: user groups, customers and partitions (Accounts API), buildings, devices with DeviceInfo across pages, child devices, a device and a point with its present value, points and six hours of values across pages.";

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        // The client from DI: bound to the DigitalTwin:BuildingX section, or pointed at the embedded emulator when none is set.
        var section = run.Configuration.GetSection(BuildingXOptions.SectionName);
        await using var target = await ScenarioTarget<BuildingXEmulator>.StartAsync(
            configuredEndpoint: section["BaseUrl"],
            startEmulator: ct => BuildingXEmulator.StartAsync(ct: ct),
            emulatorEndpoint: emulator => emulator.ApiBaseUri,
            settingsHint: "DigitalTwin__BuildingX__BaseUrl",
            addConfigured: services => services.AddBuildingX(section),
            addEmulated: (services, emulator) => services.AddBuildingX(o => UseEmulator(o, emulator)),
            cancellationToken);
        var client = target.GetRequiredService<IBuildingXClient>();
        var view = new BuildingXView(DevicePageSize, ValuePageSize, ValueWindow, FirstDevices);

        // Accounts API: the machine user's groups, each naming the partitions it may see.
        var groups = await client.Account.GetUserGroupsAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        view.ShowUserGroups(groups);

        // Accounts API: every customer, and each customer's partitions.
        var partitions = new List<(Customer Customer, Partition Partition)>();
        await foreach (var customer in client.Account.GetCustomersAsync(cancellationToken: cancellationToken))
        {
            await foreach (var partition in client.Partitions.GetPartitionsAsync(customer.Id!, cancellationToken: cancellationToken))
            {
                partitions.Add((customer, partition));
            }
        }

        view.ShowPartitions(partitions);

        // The partition to work in: the configured one, the emulator's documented one, or the first accessible.
        var partitionId = section["PartitionId"] ?? target.Emulator?.DocumentedPartitionId
            ?? groups.SelectMany(g => g.PartitionIds).Concat(partitions.Select(p => p.Partition.Id!)).FirstOrDefault();
        if (partitionId is null)
        {
            view.ShowNoPartition();
            return;
        }

        // The partition's buildings, with a sparse fieldset (only the label).
        var buildingQuery = new JsonApiQuery().Filter("type", "Building").Fields("Building", "label");
        view.ShowBuildings(await client.Locations.GetLocationsAsync(partitionId, buildingQuery, cancellationToken).ToListAsync(cancellationToken));

        // Every device with its DeviceInfo included, page by page; the service drops include from its next links and
        // the client puts it back, so every page has DeviceInfo.
        var deviceQuery = new JsonApiQuery().Include("hasFeatures.DeviceInfo").PageLimit(DevicePageSize);
        var (devices, devicePages) = await view.WalkDevicesAsync(client.Devices.GetDevicesAsync(partitionId, deviceQuery, cancellationToken).AsPages(), cancellationToken);

        // The points of the first devices.
        var points = new List<(Device Device, Point Point)>();
        foreach (var device in devices.Take(FirstDevices))
        {
            await foreach (var point in client.Points.GetPointsAsync(partitionId, device.Id!, cancellationToken: cancellationToken))
            {
                points.Add((device, point));
            }
        }

        // Six hours of each point's values, across next links.
        var to = DateTimeOffset.UtcNow;
        var valueQuery = new JsonApiQuery().PageLimit(ValuePageSize);
        var values = await view.WalkValuesAsync(
            points, point => client.Points.GetPointValuesAsync(partitionId, point.Id!, to - ValueWindow, to, valueQuery, cancellationToken).AsPages(), cancellationToken);

        // How many child devices each of the first devices has.
        var childCounts = new List<int>();
        foreach (var device in devices.Take(FirstDevices))
        {
            childCounts.Add(await client.Devices.GetChildDevicesAsync(partitionId, device.Id!, cancellationToken: cancellationToken).CountAsync(cancellationToken));
        }

        view.ShowDevices(devices, childCounts);

        // One device and one point by id; field[Point]=pointValue adds the point's present value.
        if (points.Count > 0)
        {
            var device = await client.Devices.GetDeviceAsync(partitionId, points[0].Device.Id!, cancellationToken: cancellationToken);
            var point = await client.Points.GetPointAsync(partitionId, points[0].Point.Id!, new JsonApiQuery().Field("Point", "pointValue"), cancellationToken);
            view.ShowDeviceAndPoint(device, point);
        }

        if (run.Write)
        {
            // Command a setpoint the way the vendor's partner client does (PATCH with pointValue), then read it back.
            var setpoint = points.Select(p => p.Point).FirstOrDefault(p => p.Attributes?.Name == "Setpoint" && p.Attributes.IsActive != false);
            if (setpoint is null)
            {
                view.ShowNoSetpoint();
            }
            else
            {
                var path = $"partitions/{partitionId}/points/{setpoint.Id}?field[Point]=pointValue";
                var command = JsonDocument.Parse("{\"pointValue\":{\"value\":\"21.5\"}}").RootElement.Clone();
                var result = await client.Resources.UpdateResourceAsync(path, new JsonApiResource<JsonElement> { Type = "Point", Id = setpoint.Id, Attributes = command }, cancellationToken);
                var after = await client.Points.GetPointAsync(partitionId, setpoint.Id!, new JsonApiQuery().Field("Point", "pointValue"), cancellationToken);
                view.ShowCommanded(setpoint, result, after);
            }
        }

        view.ShowDeviceSummary(devices.Count, devicePages);
        view.ShowValues(values);
        if (target.Emulator is { } emulator)
        {
            view.ShowEmulator(emulator);
        }
    }

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await BuildingXEmulator.StartAsync(ct: cancellationToken);
        return new ServedEmulator(emulator, EmulatorSettings(emulator), () => emulator.Requests.Count);
    }

    /// <summary>The settings that point a client (or a scale-out worker) at <paramref name="emulator"/>.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <returns>The <c>DigitalTwin__BuildingX__*</c> settings.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> EmulatorSettings(BuildingXEmulator emulator) =>
        Settings.Of(
            BuildingXOptions.SectionName,
            ("BaseUrl", emulator.ApiBaseUri.ToString()),
            ("AccountsBaseUrl", emulator.AccountsBaseUri.ToString()),
            ("TokenUrl", emulator.TokenUri.ToString()),
            ("ClientId", emulator.ClientId),
            ("ClientSecret", emulator.ClientSecret),
            ("Audience", emulator.Audience),
            ("PartitionId", emulator.DocumentedPartitionId));

    /// <summary>Points the client at the embedded emulator, with the credentials it accepts.</summary>
    private static void UseEmulator(BuildingXOptions options, BuildingXEmulator emulator)
    {
        options.BaseUrl = emulator.ApiBaseUri;
        options.AccountsBaseUrl = emulator.AccountsBaseUri;
        options.TokenUrl = emulator.TokenUri;
        options.ClientId = emulator.ClientId;
        options.ClientSecret = emulator.ClientSecret;
        options.Audience = emulator.Audience;
        options.PartitionId = emulator.DocumentedPartitionId;
    }
}
