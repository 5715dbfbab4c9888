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
        // Pages 0-10 once each (10 is the short last page). With prefetch, page 11 was requested while page 10 was awaited
        // and cancelled when 10 came back short; whether it reached the emulator before the cancellation is a race.
        var pages = emulator.Requests.ForPath("/api/assets").Select(r => r.Header("pagination")!).ToList();
        Assert.Equal(pages.Count, pages.Distinct().Count());
        var walked = Enumerable.Range(0, 11).Select(p => $$"""{"page" : {{p}}, "size" : 1000}""").ToList();
        Assert.Empty(walked.Except(pages));
        Assert.Subset(new HashSet<string> { """{"page" : 11, "size" : 1000}""" }, pages.Except(walked).ToHashSet());
    }
}
