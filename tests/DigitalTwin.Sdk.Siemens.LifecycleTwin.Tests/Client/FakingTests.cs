using System.Text.Json;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

/// <summary>Shows that a host app can fake the client in its own tests through its interfaces, without any mocking library.</summary>
public sealed class FakingTests
{
    [Fact]
    public async Task HostApp_CanImplementClientAndSubClientInterfacesWithPagesAndModels()
    {
        ILifecycleTwinClient client = new FakeClient();

        var names = await client.Sites.GetSitesAsync().Select(s => s.Name).ToListAsync();
        var pages = await client.Sites.GetSitesAsync().AsPages().ToListAsync();
        var one = await client.Sites.GetSiteAsync("b");

        Assert.Equal(["A", "B", "C"], names);
        Assert.Equal(2, pages.Count);
        Assert.Equal("B", one.Name);
    }

    [Fact]
    public void LifecycleTwinClient_IsSealedWithOnePublicConstructorInTemplateOrder()
    {
        var type = typeof(LifecycleTwinClient);
        var constructor = Assert.Single(type.GetConstructors());

        Assert.True(type.IsSealed);
        Assert.True(typeof(IDisposable).IsAssignableFrom(type));
        Assert.Equal(
            [typeof(LifecycleTwinOptions), typeof(Core.Auth.ITokenProvider), typeof(HttpClient), typeof(Microsoft.Extensions.Logging.ILoggerFactory), typeof(TimeProvider)],
            constructor.GetParameters().Select(p => p.ParameterType));
        Assert.All(constructor.GetParameters().Skip(1), p => Assert.True(p.HasDefaultValue, p.Name));
    }

    private sealed class FakeClient : ILifecycleTwinClient
    {
        public ISitesClient Sites { get; } = new FakeSites();

        public IAssetsClient Assets => throw new NotSupportedException();

        public IDocumentsClient Documents => throw new NotSupportedException();

        public IEntitiesClient Entities => throw new NotSupportedException();
    }

    private sealed class FakeSites : ISitesClient
    {
        private static readonly Site[] All = [new Site { Id = "a", Name = "A" }, new Site { Id = "b", Name = "B" }, new Site { Id = "c", Name = "C" }];

        public AsyncPageable<Site> GetSitesAsync(LifecycleTwinQuery? query = null, CancellationToken cancellationToken = default) =>
            AsyncPageable<Site>.FromPages([new Page<Site>(All[..2], "1"), new Page<Site>(All[2..], null)]);

        public Task<Site> GetSiteAsync(string siteId, LifecycleTwinQuery? query = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(All.Single(s => s.Id == siteId));
    }
}
