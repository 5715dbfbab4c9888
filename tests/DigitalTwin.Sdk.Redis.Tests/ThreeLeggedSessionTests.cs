using System.Security.Cryptography;
using System.Text;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Samples.ScaleOut;
using DigitalTwin.Sdk.Testing.Tandem;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Redis.Tests;

/// <summary>
/// One three-legged APS session shared by several "processes" (each its own DI container with <c>UseRedis</c>, so its
/// own Redis connection) through a real Redis, against the Tandem emulator, whose refresh tokens rotate and are
/// single-use; tokens encrypted at rest.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ThreeLeggedSessionTests(RedisFixture redis) : RedisTestBase(redis)
{
    private const string Session = "user-0815@host-app";
    private readonly string _prefix = "dtsdk-" + Guid.NewGuid().ToString("N")[..8] + ":";
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public async Task EightProcesses_OneSignIn_ThreeExpiries_ExactlyOneRefreshEach_NoInvalidGrant()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var processes = Enumerable.Range(0, 8).Select(_ => Process(emu)).ToList();
        try
        {
            await SignInAsync(processes[0]);
            await Task.WhenAll(processes.Select(p => ReadAsync(p, emu)));
            Assert.Equal(1, emu.TokensIssued);

            for (var expiry = 1; expiry <= 3; expiry++)
            {
                emu.ExpireAccessTokens();
                await Task.WhenAll(processes.SelectMany(p => Enumerable.Range(0, 3).Select(_ => ReadAsync(p, emu))));

                Assert.Equal(expiry, emu.RefreshGrants);
            }

            Assert.Equal(0, emu.RefreshGrantsRefused);
            var tokens = await Task.WhenAll(processes.Select(p => Client(p).Auth.GetAccessTokenAsync().AsTask()));
            Assert.Single(tokens.Select(t => t.Value).Distinct());
        }
        finally
        {
            await DisposeAllAsync(processes);
        }
    }

    [Fact]
    public async Task AHolderThatCrashed_BlocksUntilItsLeaseExpires_ThenOneProcessRefreshes()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var processes = Enumerable.Range(0, 4).Select(_ => Process(emu)).ToList();
        try
        {
            await SignInAsync(processes[0]);
            await Task.WhenAll(processes.Select(p => ReadAsync(p, emu)));

            Assert.Empty(Keys("tok:*:lease")); // No lease is held between refreshes.

            // A process takes the session's refresh lease and dies: the lease stays until it expires.
            var tokenKey = Assert.Single(Keys("tok:*"));
            var crashed = await Own(new RedisTokenStore(Options(o => o.KeyPrefix = _prefix)))
                .TryBeginRefreshAsync(tokenKey[_prefix.Length..], TimeSpan.FromSeconds(3), CancellationToken.None);
            Assert.NotNull(crashed);
            var leaseKey = Assert.Single(Keys("tok:*:lease"));
            var crashedHolder = (string?)await Observer.GetDatabase().StringGetAsync(leaseKey);
            Assert.NotNull(crashedHolder);
            emu.ExpireAccessTokens();

            // Redis expires the crashed holder's lease on its own clock. As long as that lease is there, nobody refreshes;
            // once Redis has dropped it, one process takes a lease of its own and refreshes for all.
            var reads = Task.WhenAll(processes.Select(p => ReadAsync(p, emu)));
            var sawTheLeaseStand = false;
            await Waiting.WaitUntilAsync(() =>
            {
                var holder = (string?)Observer.GetDatabase().StringGet(leaseKey);
                if (holder == crashedHolder)
                {
                    sawTheLeaseStand = true;
                    Assert.Equal(0, emu.RefreshGrants);
                    return false;
                }

                return true;
            });
            await reads.WaitAsync(Waiting.DefaultTimeout);

            Assert.True(sawTheLeaseStand, "the lease was gone before any process asked for it");
            Assert.Equal(1, emu.RefreshGrants);
            Assert.Equal(0, emu.RefreshGrantsRefused);
        }
        finally
        {
            await DisposeAllAsync(processes);
        }
    }

    [Fact]
    public async Task TheSessionIsEncryptedAtRest_AndNeitherKeysNorDescriptionsCarryASecret()
    {
        await using var emu = await TandemEmulator.StartAsync();
        await using var process = Process(emu);
        await SignInAsync(process);
        await ReadAsync(process, emu);
        var token = await Client(process).Auth.GetAccessTokenAsync();
        var store = process.GetRequiredService<ISharedTokenStore>();

        var key = Assert.Single(Keys("*"));
        var raw = Encoding.UTF8.GetString((byte[])(await Observer.GetDatabase().StringGetAsync(key))!);
        string[] secrets = [token.Value, token.RefreshToken!, emu.ClientSecret, emu.ClientId, Session];
        foreach (var text in new[] { key, raw, token.ToString(), store.ToString()!, Client(process).ToString()! })
        {
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }

        Assert.Equal(token.RefreshToken, (await store.GetAsync(key[_prefix.Length..], CancellationToken.None))!.RefreshToken);
    }

    private List<string> Keys(string pattern) =>
        [.. Observer.GetServer(Redis.Server.Configuration).Keys(pattern: _prefix + pattern).Select(k => k.ToString())];

    private ServiceProvider Process(TandemEmulator emu)
    {
        var services = new ServiceCollection();
        services.AddTandem(o =>
        {
            o.BaseUrl = new Uri(emu.BaseUri, "tandem/v1/");
            o.TokenUrl = new Uri(emu.BaseUri, "authentication/v2/token");
            o.AuthorizeUrl = new Uri(emu.BaseUri, "authentication/v2/authorize");
            o.RevokeUrl = new Uri(emu.BaseUri, "authentication/v2/revoke");
            o.ClientId = emu.ClientId;
            o.ClientSecret = emu.ClientSecret;
            o.Flow = TandemAuthFlow.ThreeLegged;
            o.RedirectUri = emu.RedirectUri;
            o.Scope = "data:read";
            o.SessionId = Session;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });
        services.UseRedis(o =>
        {
            o.Configuration = Redis.Server.Configuration;
            o.KeyPrefix = _prefix;
            o.OperationTimeout = TimeSpan.FromSeconds(10);
            o.TokenEncryptionKey = _key;
        });
        return services.BuildServiceProvider();
    }

    private static ITandemClient Client(ServiceProvider process) => process.GetRequiredService<ITandemClient>();

    private static async Task SignInAsync(ServiceProvider process)
    {
        var client = Client(process);
        var pkce = PkceCodes.Create();
        await client.Auth.ExchangeCodeAsync(await ScaleOutRun.ConsentAsync(client.Auth.CreateAuthorizeUri(pkce), CancellationToken.None), pkce);
    }

    private static Task ReadAsync(ServiceProvider process, TandemEmulator emu) => Client(process).Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

    private static async Task DisposeAllAsync(IEnumerable<ServiceProvider> processes)
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
    }
}
