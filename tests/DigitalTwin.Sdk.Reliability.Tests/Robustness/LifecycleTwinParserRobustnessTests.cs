using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Xunit.Abstractions;

namespace DigitalTwin.Sdk.Reliability.Tests.Robustness;

[Trait("Category", "Reliability")]
public sealed class LifecycleTwinParserRobustnessTests(ITestOutputHelper output) : ParserRobustnessContract(output)
{
    protected override int SeedBase => 1;

    protected override async Task<IAsyncDisposable> StartEmulatorAsync() =>
        await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 20 });

    protected override IReadOnlyList<ParserCall> CreateCalls(IAsyncDisposable emulator, HttpClient transport)
    {
        var emu = (LifecycleTwinEmulator)emulator;
        var options = new LifecycleTwinOptions
        {
            BaseUrl = emu.BaseUri,
            ClientId = emu.ClientId,
            ClientSecret = emu.ClientSecret,
            Username = emu.Username,
            Password = emu.Password,
            ClientName = emu.ClientName,
            ProjectId = emu.ProjectId,
            PrefetchNextPage = false,
        };
        Tune(options);
        var client = new LifecycleTwinClient(options, transport: transport);
        var projectId = emu.ProjectId;
        var assetId = emu.Assets[0].Id;
        return
        [
            new("site", ct => client.Sites.GetSiteAsync(projectId, cancellationToken: ct)),
            new("sites page", _ => FirstPageAsync(client.Sites.GetSitesAsync())),
            new("asset", ct => client.Assets.GetAssetAsync(assetId, cancellationToken: ct)),
            new("assets page", _ => FirstPageAsync(client.Assets.GetAssetsAsync())),
        ];
    }
}
