using System.Security.Cryptography;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Testing.Redis;
using DigitalTwin.Sdk.TestUtilities;
using StackExchange.Redis;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Redis.Tests;

/// <summary>
/// Tokens shared through a real Redis by four "processes" (each its own store connection, SharedTokenSource and
/// TokenCache) against a vendor whose refresh tokens rotate and are single-use.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTokenStoreTests(RedisFixture redis) : RedisTestBase(redis)
{
    private static readonly SharedTokenOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(5) };
    [Fact]
    public async Task FourProcesses_ThreeExpiries_OneRequestPerToken_NoInvalidGrant()
    {
        var clock = TestTime.CreateClock();
        var vendor = new RotatingTokenVendor(clock);
        var key = SharedTokenSource.KeyFor("Test", "https://auth.example/token\n" + Guid.NewGuid());
        var processes = Enumerable.Range(0, 4).Select(_ => new TokenCache(new SharedTokenSource(vendor, Store(), key, Fast, clock), clock)).ToArray();

        for (var round = 0; round < 4; round++)
        {
            if (round > 0)
            {
                clock.Advance(TimeSpan.FromHours(1));
            }

            var tokens = await Task.WhenAll(processes.Select(p => p.GetTokenAsync(CancellationToken.None).AsTask())).WaitAsync(DefaultTimeout);
            Assert.Single(tokens.Select(t => t.Value).Distinct());
            Assert.Equal(round + 1, vendor.Requests);
        }

        Assert.Equal(0, vendor.InvalidGrants);
    }

    [Fact]
    public async Task Encrypted_TheStoredValueHidesTheToken_AndAnotherKeyCannotReadIt()
    {
        var clock = TestTime.CreateClock();
        var key = SharedTokenSource.KeyFor("Test", Guid.NewGuid().ToString());
        var logger = new CapturingLogger();
        var store = Store(o => o.TokenEncryptionKey = RandomNumberGenerator.GetBytes(32));
        var stranger = Store(o => o.TokenEncryptionKey = RandomNumberGenerator.GetBytes(32), logger);
        var token = new AccessToken("access-secret-value", clock.GetUtcNow().AddHours(1), clock.GetUtcNow(), "refresh-secret-value");

        await using (var lease = await store.TryBeginRefreshAsync(key, TimeSpan.FromSeconds(10), CancellationToken.None))
        {
            Assert.True(await lease!.CompleteAsync(token, CancellationToken.None));
        }

        var raw = (byte[])(await Observer.GetDatabase().StringGetAsync("dtsdk:" + key))!;
        var text = System.Text.Encoding.UTF8.GetString(raw);
        Assert.DoesNotContain("secret-value", text, StringComparison.Ordinal);
        Assert.Equal("access-secret-value", (await store.GetAsync(key, CancellationToken.None))!.Value);
        Assert.Equal("refresh-secret-value", (await store.GetAsync(key, CancellationToken.None))!.RefreshToken);
        Assert.Null(await stranger.GetAsync(key, CancellationToken.None));
        Assert.Contains(logger.Lines, l => l.Message.Contains("cannot read back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForeignData_UnderTheTokenKey_IsNoToken()
    {
        var key = SharedTokenSource.KeyFor("Test", Guid.NewGuid().ToString());
        await Observer.GetDatabase().StringSetAsync("dtsdk:" + key, "{\"v\": 42, \"not\": \"ours\"}");

        Assert.Null(await Store().GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Lease_OneHolderAtATime_ACrashedHolderExpires_AndALostLeaseStoresNothing()
    {
        var key = SharedTokenSource.KeyFor("Test", Guid.NewGuid().ToString());
        var a = Store();
        var b = Store();

        var crashed = await a.TryBeginRefreshAsync(key, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        Assert.NotNull(crashed);
        Assert.Null(await b.TryBeginRefreshAsync(key, TimeSpan.FromSeconds(10), CancellationToken.None));

        ISharedTokenLease? taken = null;
        await WaitUntilAsync(() => (taken = b.TryBeginRefreshAsync(key, TimeSpan.FromSeconds(10), CancellationToken.None).AsTask().GetAwaiter().GetResult()) is not null, what: "the lease expired");
        var token = new AccessToken("late", DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow);

        Assert.False(await crashed!.CompleteAsync(token, CancellationToken.None));
        Assert.Null(await a.GetAsync(key, CancellationToken.None));
        Assert.True(await taken!.CompleteAsync(new AccessToken("current", DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow), CancellationToken.None));
        Assert.Equal("current", (await a.GetAsync(key, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Keys_CarryOnlyThePrefixAndAHash()
    {
        var key = SharedTokenSource.KeyFor("BuildingX", "https://auth.example/token\nclient-id-98765\naudience");
        await using (var lease = await Store().TryBeginRefreshAsync(key, TimeSpan.FromSeconds(10), CancellationToken.None))
        {
            await lease!.CompleteAsync(new AccessToken("t", DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow), CancellationToken.None);
        }

        var keys = Redis.Server.Configuration is { } config
            ? Observer.GetServer(config).Keys(pattern: "dtsdk:tok:*").Select(k => k.ToString()).ToList()
            : [];
        Assert.Contains("dtsdk:" + key, keys);
        Assert.All(keys, k => Assert.DoesNotContain("client-id", k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedisDown_TheStoreThrowsAtOnce_SoTheSourceAsksTheVendorItself()
    {
        await using var server = await RedisServer.StartAsync();
        var clock = TestTime.CreateClock();
        var vendor = new RotatingTokenVendor(clock);
        var store = Own(new RedisTokenStore(new RedisScaleOutOptions { Configuration = server.Configuration, OperationTimeout = TimeSpan.FromSeconds(2) }));
        var key = SharedTokenSource.KeyFor("Test", Guid.NewGuid().ToString());
        var cache = new TokenCache(new SharedTokenSource(vendor, store, key, Fast, clock), clock);
        var first = await cache.GetTokenAsync(CancellationToken.None);

        server.Kill();
        clock.Advance(TimeSpan.FromHours(1));
        var second = await cache.GetTokenAsync(CancellationToken.None).AsTask().WaitAsync(DefaultTimeout);

        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(2, vendor.Requests);
        Assert.Equal(0, vendor.InvalidGrants);
    }

    private RedisTokenStore Store(Action<RedisScaleOutOptions>? configure = null, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null) =>
        Own(new RedisTokenStore(Options(configure), loggerFactory));
}
