using DigitalTwin.Sdk.Siemens.LifecycleTwin.Query;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

public sealed class LifecycleTwinLargeWalkTests
{
    [Fact]
    public async Task GetAssetsAsync_TenThousandFiveHundredAssets_AllOnceInIdOrder()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 10_500 });
        var options = LifecycleTwinFixture.OptionsFor(emulator);
        options.PageSize = 1000;
        var client = new LifecycleTwinClient(options);

        var ids = await client.Assets.GetAssetsAsync(LifecycleTwinQuery.Empty.WithSelection(Selection.Of("Id"))).Select(a => a.Id!).ToListAsync();

        Assert.Equal(10_500, ids.Count);
        Assert.Equal(10_500, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.OrdinalIgnoreCase).ToList(), ids);
        Assert.Equal(11, emulator.Requests.ForPath("/api/assets").Count);
    }
}
