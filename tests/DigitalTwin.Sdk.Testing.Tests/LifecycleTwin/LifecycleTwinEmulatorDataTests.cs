using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

public sealed class LifecycleTwinEmulatorDataTests
{
    [Fact]
    public async Task Seed_Same_GivesSameData()
    {
        await using var one = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { Seed = 7 });
        await using var two = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { Seed = 7 });

        Assert.Equal(one.Sites, two.Sites);
        Assert.Equal(one.Assets.Select(Describe), two.Assets.Select(Describe));
        Assert.Equal(one.Documents.Select(d => d with { Files = [] }), two.Documents.Select(d => d with { Files = [] }));
        Assert.Equal(one.Documents.SelectMany(d => d.Files), two.Documents.SelectMany(d => d.Files));
        Assert.Equal(one.Locations, two.Locations);
        Assert.Equal(one.Systems, two.Systems);
    }

    [Fact]
    public async Task Seed_Different_ChangesGeneratedIdsButKeepsDocumentedSites()
    {
        await using var one = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { Seed = 1 });
        await using var two = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { Seed = 2 });

        Assert.NotEqual(one.Assets.Select(a => a.Id), two.Assets.Select(a => a.Id));
        Assert.NotEqual(one.Sites[2].Id, two.Sites[2].Id);
        Assert.Equal(one.Sites[0], two.Sites[0]);
        Assert.Equal(one.Sites[1], two.Sites[1]);
        Assert.Equal(one.Assets.Select(a => a.Name), two.Assets.Select(a => a.Name));
    }

    [Fact]
    public async Task Sites_IncludeDocumentationExamples()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();

        var building1 = emulator.Sites[0];
        Assert.Equal(("Building1", "2f4978fe-ab1c-4d66-be94-2086d0887a86"), (building1.Name, building1.Id));
        Assert.Equal(("Zug", "4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236", 0), (building1.Location.Name, building1.Location.Id, building1.Location.ChildrenCount));
        Assert.Equal(DateTimeOffset.Parse("2022-10-18T14:32:17.023Z", System.Globalization.CultureInfo.InvariantCulture), building1.CreatedOn);
        Assert.Equal(("Building2", "Zurich"), (emulator.Sites[1].Name, emulator.Sites[1].Location.Name));
        Assert.Equal(building1.Id, emulator.ProjectId);
        Assert.Equal(5, emulator.Sites.Count);
        Assert.Equal(5, emulator.Sites.Select(s => s.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public async Task SiteCount_Option_SeedsThatManySites(int count)
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { SiteCount = count });

        Assert.Equal(Enumerable.Range(1, count).Select(i => $"Building{i}"), emulator.Sites.Select(s => s.Name));
        Assert.All(emulator.Sites.Skip(1), s => Assert.Equal(5, emulator.GetAssets(s.Id).Count));
        Assert.All(emulator.Sites.Skip(1), s => Assert.Equal(3, emulator.GetDocuments(s.Id).Count));
    }

    [Fact]
    public async Task Assets_FollowDocumentedNamingAndCustomFieldRules()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 40, DocumentCount = 7 });

        Assert.Equal(40, emulator.Assets.Count);
        Assert.Equal(8, emulator.Documents.Count); // the root folder and 7 documents in it
        Assert.True(emulator.Documents[0].IsFolder);
        Assert.All(emulator.Documents.Skip(1), d => Assert.Equal(emulator.Documents[0].Id, d.Parent!.Id));
        Assert.Equal(["Pump 0001", "AHU 0002"], emulator.Assets.Take(2).Select(a => a.Name));
        for (var n = 1; n <= emulator.Assets.Count; n++)
        {
            var fields = emulator.Assets[n - 1].CustomFields.ToDictionary(c => c.Id, c => c.Value);
            Assert.Equal((double)(1 + ((n - 1) % 5)), fields[LifecycleTwinCustomFieldIds.WarrantyYears]);
            Assert.Equal(n % 4 == 0, fields[LifecycleTwinCustomFieldIds.Critical]);
            if (n % 10 == 0)
            {
                Assert.False(fields.ContainsKey(LifecycleTwinCustomFieldIds.Manufacturer));
            }
            else
            {
                Assert.Equal(LifecycleTwinCustomFieldIds.ManufacturerNames[(n - 1) % 5], fields[LifecycleTwinCustomFieldIds.Manufacturer]);
            }
        }

        Assert.Contains(emulator.Assets, a => a.Description is null);
        Assert.Contains(emulator.Assets, a => a.Description == string.Empty);
        Assert.Contains(emulator.Assets, a => a.Systems.Count == 0);
        Assert.Contains(emulator.Assets, a => a.ModelObjects.Count == 0);
        Assert.Contains(emulator.Assets, a => a.ModelObjects.Count == 2);
        Assert.Equal(emulator.Assets.Count, emulator.Assets.Select(a => a.Id).Distinct().Count());
        Assert.Equal(emulator.Assets.Count, emulator.Assets.Select(a => a.SerialNumber).Distinct().Count());
    }

    [Fact]
    public async Task Locations_FormATreeAndAssetsSitInRooms()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();

        foreach (var site in emulator.Sites)
        {
            var locations = emulator.GetLocations(site.Id);
            Assert.All(locations, l => Assert.Equal(locations.Count(c => c.ParentId == l.Id), l.ChildrenCount));
            Assert.Single(locations, l => l.ParentId is null);
            var rooms = locations.Where(l => l.ChildrenCount == 0).Select(l => l.Id).ToHashSet();
            Assert.All(emulator.GetAssets(site.Id), a => Assert.Contains(a.Location.Id, rooms));
            Assert.All(emulator.GetAssets(site.Id), a => Assert.Equal(site.Id, a.ProjectId));
            Assert.All(emulator.GetDocuments(site.Id), d => Assert.Equal(site.Id, d.ProjectId));
            var systems = emulator.GetSystems(site.Id).Select(s => s.Id).ToHashSet();
            Assert.All(emulator.GetAssets(site.Id), a => Assert.All(a.Systems, s => Assert.Contains(s.Id, systems)));
        }
    }

    [Fact]
    public async Task GetAssets_UnknownSite_Throws()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();

        Assert.Throws<ArgumentException>(() => emulator.GetAssets("nope"));
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { SiteCount = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = -1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { TokenLifetime = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentException>(() => LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { ClientSecret = "" }));
    }

    private static string Describe(EmulatedAsset a) =>
        string.Join('|', a.Id, a.Name, a.Description, a.SerialNumber, a.Quantity, a.InstallationDate, a.Location.Id,
            string.Join(',', a.Systems.Select(s => s.Id)), string.Join(',', a.ModelObjects.Select(m => m.ObjectId)),
            string.Join(',', a.CustomFields.Select(c => $"{c.Id}={c.Value}")));
}
