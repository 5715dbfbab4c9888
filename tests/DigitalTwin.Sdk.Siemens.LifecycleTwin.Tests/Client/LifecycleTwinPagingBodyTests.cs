using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

/// <summary>Page bodies in a walk: a broken one surfaces as a typed error before any prefetch; a walk stopped early sees its page whole.</summary>
public sealed class LifecycleTwinPagingBodyTests
{
    [Fact]
    public async Task Walk_MalformedFirstPage_InvalidResponseException_NoPrefetch()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 30 });
        var client = ClientWithPagesOfTen(emulator);
        emulator.Faults.Add(Fault.MalformedJson(), pathPrefix: "/api/assets", method: "GET");

        var ex = await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(async () =>
        {
            await foreach (var asset in client.Assets.GetAssetsAsync())
            {
                Assert.Fail($"no asset expected, got {asset.Id}");
            }
        });

        Assert.Contains("/api/assets", ex.Message, StringComparison.Ordinal);
        Assert.Single(emulator.Requests.ForPath("/api/assets"));
    }

    [Fact]
    public async Task Walk_StoppedAfterTheFirstPage_SeesEveryItemOfItOnce()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 30 });
        var client = ClientWithPagesOfTen(emulator);
        var seen = new List<string>();

        await foreach (var page in client.Assets.GetAssetsAsync().AsPages())
        {
            seen.AddRange(page.Values.Select(a => a.Id!));
            break;
        }

        var all = new List<string>();
        await foreach (var asset in client.Assets.GetAssetsAsync())
        {
            all.Add(asset.Id!);
        }

        Assert.Equal(10, seen.Count);
        Assert.Equal(all.Take(10), seen);
        Assert.Equal(30, all.Distinct().Count());
    }

    private static LifecycleTwinClient ClientWithPagesOfTen(LifecycleTwinEmulator emulator)
    {
        var options = LifecycleTwinFixture.OptionsFor(emulator);
        options.PageSize = 10;
        return new LifecycleTwinClient(options);
    }
}
