using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Testing.ThreadEdge;
using Xunit.Abstractions;

namespace DigitalTwin.Sdk.Reliability.Tests.Robustness;

[Trait("Category", "Reliability")]
public sealed class ThreadEdgeParserRobustnessTests(ITestOutputHelper output) : ParserRobustnessContract(output)
{
    protected override int SeedBase => 3;

    protected override async Task<IAsyncDisposable> StartEmulatorAsync() => await ThreadEdgeEmulator.StartAsync();

    protected override IReadOnlyList<ParserCall> CreateCalls(IAsyncDisposable emulator, HttpClient transport)
    {
        var emu = (ThreadEdgeEmulator)emulator;
        var options = new ThreadEdgeOptions { BaseUrl = emu.BaseUri, HardwareVersion = "V12" };
        Tune(options);
        var client = new ThreadEdgeClient(options, transport);
        return
        [
            new("temperature", ct => client.Device.GetTemperatureAsync(ct)),
            new("time", ct => client.Device.GetTimeAsync(ct)),
            new("time accurate", ct => client.Device.GetTimeAccurateAsync(ct)),
            new("serial number", ct => client.Device.GetSerialNumberAsync(ct)),
            new("battery saver", ct => client.Power.GetBatterySaverAsync(ct)),
            new("port configuration", ct => client.Ports.GetConfigurationAsync(1, ct)),
            new("interface priority", ct => client.Network.GetInterfacePriorityAsync(ct)),
        ];
    }
}
