using System.Text.Json;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

public sealed class LifecycleTwinEmulatorLargeDataTests
{
    [Fact]
    public async Task Pagination_100000Assets_PageSize1000_WalksEveryAssetOnceInOrder()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 100_000 });
        using var api = new LifecycleTwinApi(emulator);
        await api.SignInAsync();

        var ids = new List<string>(100_000);
        var pages = 0;
        while (true)
        {
            using var response = await api.GetAsync(
                "api/assets",
                select: "{\"Id\", \"Name\"}",
                sort: "{\"Id\": \"ascending\"}",
                pagination: $"{{\"page\" : {pages}, \"size\" : 1000}}");
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            using var page = await JsonDocument.ParseAsync(stream);
            var count = 0;
            foreach (var item in page.RootElement.EnumerateArray())
            {
                ids.Add(item.GetProperty("Id").GetString()!);
                count++;
            }

            pages++;
            if (count < 1000)
            {
                break;
            }
        }

        Assert.Equal(101, pages);
        Assert.Equal(emulator.Assets.Select(a => a.Id).Order(StringComparer.OrdinalIgnoreCase), ids);
        Assert.Equal("Sensor 100000", emulator.Assets[^1].Name);
    }

    [Fact]
    public async Task Filter_100000Assets_FilteredSortedPagesAreConsistent()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 100_000 });
        using var api = new LifecycleTwinApi(emulator);
        await api.SignInAsync();
        const string Filter = "{\"starts_with\":{\"Name\":\"Chiller\"},\"greater_than\":{\"Quantity\":8}}";
        var expected = emulator.Assets
            .Where(a => a.Name.StartsWith("Chiller", StringComparison.Ordinal) && a.Quantity > 8)
            .OrderByDescending(a => a.InstallationDate)
            .ThenBy(a => a.Id, StringComparer.OrdinalIgnoreCase)
            .Select(a => a.Id)
            .ToList();

        var first = await api.ListAsync("api/assets", select: "{\"Id\"}", filter: Filter, sort: "{\"InstallationDate\": \"descending\", \"Id\": \"ascending\"}", pagination: "{\"page\" : 0, \"size\" : 1000}");
        var second = await api.ListAsync("api/assets", select: "{\"Id\"}", filter: Filter, sort: "{\"InstallationDate\": \"descending\", \"Id\": \"ascending\"}", pagination: "{\"page\" : 1, \"size\" : 1000}");

        Assert.True(expected.Count > 1000);
        Assert.Equal(expected.Take(2000), LifecycleTwinApi.Ids(first).Concat(LifecycleTwinApi.Ids(second)));
    }
}
