using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using Xunit.Abstractions;

namespace DigitalTwin.Sdk.Reliability.Tests.Robustness;

[Trait("Category", "Reliability")]
public sealed class ITwinIoTParserRobustnessTests(ITestOutputHelper output) : ParserRobustnessContract(output)
{
    protected override int SeedBase => 5;

    protected override async Task<IAsyncDisposable> StartEmulatorAsync() => await ITwinIoTEmulator.StartAsync();

    protected override IReadOnlyList<ParserCall> CreateCalls(IAsyncDisposable emulator, HttpClient transport)
    {
        var emu = (ITwinIoTEmulator)emulator;
        var options = new ITwinIoTOptions
        {
            RestBaseUrl = emu.BaseUri,
            WebSocketUrl = emu.WebSocketUri,
            ApiKey = emu.ApiKey,
            ProjectId = emu.Options.DefaultProjectId,
        };
        Tune(options);
        var rest = new ITwinIoTClient(options, transport: transport).Rest;
        return
        [
            new("nodes page", _ => FirstPageAsync(rest.GetNodesAsync())),
            new("sensors page", _ => FirstPageAsync(rest.GetSensorsAsync())),
            new("documents", ct => rest.GetDocumentsAsync(cancellationToken: ct)),
            new("device types", ct => rest.GetDeviceTypesAsync(cancellationToken: ct)),
            new("sensor types", ct => rest.GetSensorTypesAsync(cancellationToken: ct)),
            new("metric types", ct => rest.GetMetricTypesAsync(cancellationToken: ct)),
            new("sensor metrics", ct => rest.GetSensorMetricsAsync([ITwinIoTEmulator.TiltSensorId], cancellationToken: ct)),
        ];
    }
}
