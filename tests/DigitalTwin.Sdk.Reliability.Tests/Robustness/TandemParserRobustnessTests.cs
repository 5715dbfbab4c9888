using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Testing.Tandem;
using Xunit.Abstractions;

namespace DigitalTwin.Sdk.Reliability.Tests.Robustness;

[Trait("Category", "Reliability")]
public sealed class TandemParserRobustnessTests(ITestOutputHelper output) : ParserRobustnessContract(output)
{
    protected override int SeedBase => 2;

    protected override async Task<IAsyncDisposable> StartEmulatorAsync() => await TandemEmulator.StartAsync();

    protected override IReadOnlyList<ParserCall> CreateCalls(IAsyncDisposable emulator, HttpClient transport)
    {
        var emu = (TandemEmulator)emulator;
        var options = new TandemOptions
        {
            BaseUrl = new Uri(emu.BaseUri, "tandem/v1/"),
            TokenUrl = new Uri(emu.BaseUri, "authentication/v2/token"),
            AuthorizeUrl = new Uri(emu.BaseUri, "authentication/v2/authorize"),
            RevokeUrl = new Uri(emu.BaseUri, "authentication/v2/revoke"),
            ClientId = emu.ClientId,
            ClientSecret = emu.ClientSecret,
            Scope = "data:read data:write",
        };
        Tune(options);
        var client = new TandemClient(options, transport: transport);
        var twin = TwinUrn.Parse(emu.TwinId);
        var model = ModelUrn.Parse(emu.DefaultModelId);
        var key = ElementKey.Parse(emu.StreamKeys[0]); // The scan's short k; the client sends the full key.
        var groupId = emu.GroupId;
        return
        [
            new("twin", ct => client.Twins.GetTwinAsync(twin, ct)),
            new("my twins page", _ => FirstPageAsync(client.Twins.GetMyTwinsAsync())),
            new("twin views page", _ => FirstPageAsync(client.Twins.GetViewsAsync(twin))),
            new("group", ct => client.Groups.GetGroupAsync(groupId, ct)),
            new("stream readings", ct => client.Streams.GetReadingsAsync(model, key, cancellationToken: ct)),
            new("stream last values", ct => client.Streams.GetLastValuesAsync(model, [key], ct)),
            new("model data scan", ct => client.ModelData.ScanAsync(model, cancellationToken: ct)),
            new("model data scan rows (streamed)", ct => DrainAsync(client.ModelData.ScanRowsAsync(model, cancellationToken: ct))),
            new("model data history", ct => client.ModelData.GetHistoryAsync(model, new() { IncludeChanges = true }, ct)),
            new("model data schema", ct => client.ModelData.GetSchemaAsync(model, ct)),
        ];
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items)
        {
        }
    }
}
