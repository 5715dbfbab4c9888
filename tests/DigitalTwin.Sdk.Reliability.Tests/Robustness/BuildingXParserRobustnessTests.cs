using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Testing.BuildingX;
using Xunit.Abstractions;

namespace DigitalTwin.Sdk.Reliability.Tests.Robustness;

[Trait("Category", "Reliability")]
public sealed class BuildingXParserRobustnessTests(ITestOutputHelper output) : ParserRobustnessContract(output)
{
    protected override int SeedBase => 4;

    protected override async Task<IAsyncDisposable> StartEmulatorAsync() =>
        await BuildingXEmulator.StartAsync(new BuildingXEmulatorOptions { RequestsPerSecond = 1000 });

    protected override IReadOnlyList<ParserCall> CreateCalls(IAsyncDisposable emulator, HttpClient transport)
    {
        var emu = (BuildingXEmulator)emulator;
        var options = new BuildingXOptions
        {
            BaseUrl = emu.ApiBaseUri,
            AccountsBaseUrl = emu.AccountsBaseUri,
            TokenUrl = emu.TokenUri,
            ClientId = emu.ClientId,
            ClientSecret = emu.ClientSecret,
        };
        Tune(options);
        var client = new BuildingXClient(options, transport: transport);
        var partition = emu.DocumentedPartitionId;
        var device = emu.StandaloneDeviceIds[0];
        return
        [
            new("user groups page", _ => FirstPageAsync(client.Account.GetUserGroupsAsync())),
            new("customers page", _ => FirstPageAsync(client.Account.GetCustomersAsync())),
            new("partitions page", _ => FirstPageAsync(client.Partitions.GetPartitionsAsync(emu.CustomerIds[0]))),
            new("locations page", _ => FirstPageAsync(client.Locations.GetLocationsAsync(partition))),
            new("devices page", _ => FirstPageAsync(client.Devices.GetDevicesAsync(partition))),
            new("device", ct => client.Devices.GetDeviceAsync(partition, device, cancellationToken: ct)),
            new("child devices page", _ => FirstPageAsync(client.Devices.GetChildDevicesAsync(partition, emu.GatewayDeviceIds[0]))),
            new("points page", _ => FirstPageAsync(client.Points.GetPointsAsync(partition, device))),
        ];
    }
}
