using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Testing.BuildingX;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Redis.Tests;

/// <summary>Two containers (two processes of one app) with <c>UseRedis</c> and one Building X credential.</summary>
[Collection(RedisCollection.Name)]
public sealed class UseRedisTests(RedisFixture redis)
{
    [Fact]
    public async Task TwoContainers_OneCredential_OneTokenRequest_AndTheRedisSeamsAreRegistered()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        var prefix = "dtsdk-" + Guid.NewGuid().ToString("N")[..8] + ":";
        await using var first = Container(emulator, prefix);
        await using var second = Container(emulator, prefix);
        var issuedBefore = emulator.TokensIssued;

        await first.GetRequiredService<IBuildingXClient>().Account.GetUserGroupsAsync().ToListAsync();
        await second.GetRequiredService<IBuildingXClient>().Account.GetUserGroupsAsync().ToListAsync();

        Assert.Equal(1, emulator.TokensIssued - issuedBefore);
        Assert.IsType<RedisRateLimiterFactory>(first.GetRequiredService<IRateLimiterFactory>());
        Assert.IsType<RedisTokenStore>(first.GetRequiredService<ISharedTokenStore>());
    }

    [Fact]
    public async Task UseRedis_ForOtherVendorsOnly_BuildingXKeepsItsOwnTokensAndLimiter()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        var prefix = "dtsdk-" + Guid.NewGuid().ToString("N")[..8] + ":";
        await using var first = Container(emulator, prefix, "Tandem");
        await using var second = Container(emulator, prefix, "tandem");
        var issuedBefore = emulator.TokensIssued;

        await first.GetRequiredService<IBuildingXClient>().Account.GetUserGroupsAsync().ToListAsync();
        await second.GetRequiredService<IBuildingXClient>().Account.GetUserGroupsAsync().ToListAsync();

        // Not shared: each container fetched its own token, and nothing of the run reached Redis.
        Assert.Equal(2, emulator.TokensIssued - issuedBefore);
        await using (var observer = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration))
        {
            Assert.Empty(observer.GetServer(redis.Server.Configuration).Keys(pattern: prefix + "*"));
        }

        var store = first.GetRequiredService<ISharedTokenStore>();
        Assert.False(store.SharesVendor("BuildingX"));
        Assert.True(store.SharesVendor("TANDEM"));
        var factory = first.GetRequiredService<IRateLimiterFactory>();
        var quota = new RateLimitQuota("q", RateLimitKind.SlidingWindow, 10, TimeSpan.FromSeconds(1));
        using var inProcess = InProcessRateLimiterFactory.Instance.Create(quota, TimeProvider.System);
        using var forBuildingX = factory.Create(quota with { Vendor = "BuildingX" }, TimeProvider.System);
        using var forTandem = factory.Create(quota with { Vendor = "Tandem" }, TimeProvider.System);
        using var forUnknown = factory.Create(quota, TimeProvider.System);
        Assert.IsType(inProcess.GetType(), forBuildingX);
        Assert.IsNotType(inProcess.GetType(), forTandem);
        Assert.IsType(inProcess.GetType(), forUnknown);
    }

    [Fact]
    public void UseRedis_InvalidOptions_FailAtRegistration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.UseRedis(o => o.Configuration = null));
        Assert.Throws<ArgumentException>(() => services.UseRedis(o =>
        {
            o.Configuration = redis.Server.Configuration;
            o.TokenEncryptionKey = new byte[16];
        }));
    }

    private ServiceProvider Container(BuildingXEmulator emulator, string prefix, params string[] vendors)
    {
        var services = new ServiceCollection();
        services.AddBuildingX(o =>
        {
            o.BaseUrl = emulator.ApiBaseUri;
            o.AccountsBaseUrl = emulator.AccountsBaseUri;
            o.TokenUrl = emulator.TokenUri;
            o.ClientId = emulator.ClientId;
            o.ClientSecret = emulator.ClientSecret;
        });
        services.UseRedis(o =>
        {
            o.Configuration = redis.Server.Configuration;
            o.KeyPrefix = prefix;
            o.OperationTimeout = TimeSpan.FromSeconds(10);
            foreach (var vendor in vendors)
            {
                o.Vendors.Add(vendor);
            }
        });
        return services.BuildServiceProvider();
    }
}
