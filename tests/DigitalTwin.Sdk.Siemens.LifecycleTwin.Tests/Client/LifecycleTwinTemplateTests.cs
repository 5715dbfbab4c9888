using DigitalTwin.Sdk.Core.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

/// <summary>The client template (docs/client-template.md) as Lifecycle Twin implements it: credential, transport, disposal, endpoints.</summary>
public sealed class LifecycleTwinTemplateTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly StubHandler _stub = new();
    private readonly HttpClient _transport;

    public LifecycleTwinTemplateTests() => _transport = new HttpClient(_stub, disposeHandler: false);

    public void Dispose()
    {
        _transport.Dispose();
        _stub.Dispose();
    }

    [Fact]
    public async Task Constructor_Credential_ReplacesThePasswordGrant()
    {
        var vault = new VaultTokens();
        using var client = new LifecycleTwinClient(Options(), credential: vault, transport: _transport);

        await client.Sites.GetSitesAsync().ToListAsync();

        var request = Assert.Single(_stub.Requests);
        Assert.Equal("/api/clientprojects", request.Uri.AbsolutePath);
        Assert.Equal("Bearer vault-token", request.Header("Authorization"));
        Assert.Equal(1, vault.Calls);
    }

    [Fact]
    public async Task TokenUrl_WhenSet_IsWhereTheGrantGoes()
    {
        var options = Options();
        options.TokenUrl = new Uri("https://idp.test/oauth/token");
        using var client = new LifecycleTwinClient(options, transport: _transport);

        await client.Sites.GetSiteAsync("s1");

        Assert.Equal(new Uri("https://idp.test/oauth/token"), _stub.Requests[0].Uri);
        Assert.Equal(HttpMethod.Post, _stub.Requests[0].Method);
        Assert.Equal("Bearer " + StubHandler.IssuedToken, _stub.Requests[1].Header("Authorization"));
    }

    [Fact]
    public void TokenUrl_Relative_IsRefusedNamingTheSetting()
    {
        var options = Options();
        options.TokenUrl = new Uri("oauth/token", UriKind.Relative);

        var ex = Assert.Throws<ArgumentException>(() => new LifecycleTwinClient(options, transport: _transport));

        Assert.Contains("TokenUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaseUrl_WithAPath_KeepsItForTheTokenAndTheDeclaredEndpoints()
    {
        var options = Options();
        options.BaseUrl = new Uri("https://lt.test/tenant-a/");
        using var client = new LifecycleTwinClient(options, transport: _transport);

        await client.Sites.GetSitesAsync().ToListAsync();
        await client.Assets.GetAssetAsync("a/1 x");

        Assert.Equal(
            ["/tenant-a/api/token", "/tenant-a/api/clientprojects", "/tenant-a/api/assets/a%2F1%20x"],
            _stub.Requests.Select(r => r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task DeclaredEndpoints_SendTheMandatoryHeadersQueryHeadersAndOperationName()
    {
        using var client = new LifecycleTwinClient(Options(), transport: _transport);
        var query = LifecycleTwinQuery.Empty.WithFields("Id", "Name").WithRawHeader("x-trace-tag", "t1");

        await client.Entities.GetEntitiesAsync("documents/folders", query, projectId: "p-2").ToListAsync();
        await client.Entities.GetEntityAsync("customfields", "c1", siteScoped: false);

        var list = _stub.Requests[1];
        Assert.Equal("/api/documents/folders", list.Uri.AbsolutePath);
        Assert.Equal("Contoso", list.Header("clientname"));
        Assert.Equal("p-2", list.Header("projectid"));
        Assert.Equal("""{"Id", "Name"}""", list.Header("select"));
        Assert.Equal("""{"Id": "ascending"}""", list.Header("sort"));
        Assert.Equal("""{"page" : 0, "size" : 500}""", list.Header("pagination"));
        Assert.Equal("t1", list.Header("x-trace-tag"));
        Assert.Equal("application/json", list.Header("Accept"));
        Assert.Equal("GetEntities", list.Operation);
        var one = _stub.Requests[2];
        Assert.Equal("/api/customfields/c1", one.Uri.AbsolutePath);
        Assert.Null(one.Header("projectid"));
        Assert.Null(one.Header("sort"));
        Assert.Null(one.Header("pagination"));
        Assert.Equal("GetEntity", one.Operation);
    }

    [Fact]
    public async Task Dispose_ReleasesTheClientButNotTheCallersTransportOrCredential()
    {
        var vault = new VaultTokens();
        var client = new LifecycleTwinClient(Options(), credential: vault, transport: _transport);
        await client.Sites.GetSitesAsync().ToListAsync();

        client.Dispose();
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Sites.GetSitesAsync().ToListAsync().AsTask());
        using var stillWorks = await _transport.GetAsync(new Uri("https://lt.test/api/clientprojects"));
        Assert.True(stillWorks.IsSuccessStatusCode);
        Assert.Equal(2, _stub.Requests.Count);
        Assert.False(vault.Disposed);
    }

    [Fact]
    public async Task AddLifecycleTwin_UseCredential_ReplacesThePasswordGrant()
    {
        var services = new ServiceCollection();
        services.AddSingleton<VaultTokens>();
        services.AddLifecycleTwin(o => Copy(Options(), o))
            .ConfigurePrimaryHttpMessageHandler(() => _stub)
            .UseCredential(sp => sp.GetRequiredService<VaultTokens>());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ILifecycleTwinClient>().Sites.GetSitesAsync().ToListAsync();

        var request = Assert.Single(_stub.Requests);
        Assert.Equal("Bearer vault-token", request.Header("Authorization"));
        Assert.Equal(1, provider.GetRequiredService<VaultTokens>().Calls);
    }

    [Fact]
    public async Task AddLifecycleTwin_NamedFromConfiguration_ResolvesByName()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LT:BaseUrl"] = "https://lt.test/",
            ["LT:ClientId"] = "id",
            ["LT:ClientSecret"] = "secret",
            ["LT:Username"] = "user",
            ["LT:Password"] = "pwd",
            ["LT:ClientName"] = "Tenant B",
            ["LT:TokenUrl"] = "https://lt.test/b/token",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<VaultTokens>();
        services.AddLifecycleTwin("tenant-b", configuration.GetSection("LT"))
            .ConfigurePrimaryHttpMessageHandler(() => _stub)
            .UseCredential(sp => sp.GetRequiredService<VaultTokens>());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<ILifecycleTwinClient>("tenant-b").Sites.GetSitesAsync().ToListAsync();

        Assert.Null(provider.GetService<ILifecycleTwinClient>());
        Assert.Equal(new Uri("https://lt.test/b/token"), provider.GetRequiredService<IOptionsMonitor<LifecycleTwinOptions>>().Get("tenant-b").TokenUrl);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("Tenant B", request.Header("clientname"));
        Assert.Equal("Bearer vault-token", request.Header("Authorization"));
    }

    private static LifecycleTwinOptions Options() => new()
    {
        BaseUrl = new Uri("https://lt.test/"),
        ClientId = "id",
        ClientSecret = "secret",
        Username = "user",
        Password = "pwd",
        ClientName = "Contoso",
        ProjectId = "p-1",
    };

    private static void Copy(LifecycleTwinOptions from, LifecycleTwinOptions to)
    {
        to.BaseUrl = from.BaseUrl;
        to.ClientId = from.ClientId;
        to.ClientSecret = from.ClientSecret;
        to.Username = from.Username;
        to.Password = from.Password;
        to.ClientName = from.ClientName;
        to.ProjectId = from.ProjectId;
    }

    /// <summary>A host app's credential (a vault, say): one fixed token; counts calls; must never be disposed by the client.</summary>
    private sealed class VaultTokens : ITokenProvider, IDisposable
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public bool Disposed { get; private set; }

        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult(new AccessToken("vault-token", Now.AddYears(10), Now));
        }

        public void Invalidate(AccessToken token)
        {
        }

        public void Dispose() => Disposed = true;
    }
}
