using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Query;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Sites;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

/// <summary>Shows that a host app can fake the client in its own tests without any mocking library.</summary>
public sealed class FakingTests
{
    [Fact]
    public async Task HostApp_CanSubclassClientAndSubClientWithPagesAndModels()
    {
        ILifecycleTwinClient client = new FakeClient();

        var names = await client.Sites.GetSitesAsync().Select(s => s.Name).ToListAsync();
        var pages = await client.Sites.GetSitesAsync().AsPages().ToListAsync();
        var one = await client.Sites.GetSiteAsync("b");

        Assert.Equal(["A", "B", "C"], names);
        Assert.Equal(2, pages.Count);
        Assert.Equal("B", one.Name);
    }

    private sealed class FakeClient : LifecycleTwinClient
    {
        public override ISitesClient Sites { get; } = new FakeSites();
    }

    private sealed class FakeSites : SitesClient
    {
        private static readonly Site[] All = [new Site { Id = "a", Name = "A" }, new Site { Id = "b", Name = "B" }, new Site { Id = "c", Name = "C" }];

        public override AsyncPageable<Site> GetSitesAsync(LifecycleTwinQuery? query = null, CancellationToken cancellationToken = default) =>
            AsyncPageable<Site>.FromPages([new Page<Site>(All[..2], "1"), new Page<Site>(All[2..], null)]);

        public override Task<Site> GetSiteAsync(string siteId, LifecycleTwinQuery? query = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(All.Single(s => s.Id == siteId));
    }
}
