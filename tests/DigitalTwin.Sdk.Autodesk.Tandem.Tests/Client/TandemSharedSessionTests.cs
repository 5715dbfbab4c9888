using System.Collections.Concurrent;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Testing.Tandem;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Client;

/// <summary>
/// One three-legged APS session shared by several "processes" (each its own DI container and client) through one
/// <see cref="InProcessSharedTokenStore"/>, against the emulator, whose refresh tokens rotate and are single-use.
/// </summary>
public sealed class TandemSharedSessionTests
{
    private const string Session = "user-4711@host-app";

    [Fact]
    public async Task EightProcesses_OneSignIn_ThreeExpiries_ExactlyOneRefreshEach_NoInvalidGrant()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var store = new RecordingStore();
        var processes = Enumerable.Range(0, 8).Select(_ => Process(emu, store)).ToList();
        try
        {
            await SignInAsync(processes[0]);
            await Task.WhenAll(processes.Select(p => ReadAsync(p, emu)));
            Assert.Equal(1, emu.TokensIssued);

            for (var expiry = 1; expiry <= 3; expiry++)
            {
                // The emulator refuses the token before the clients expect it: each process meets a 401 and asks for a new one.
                emu.ExpireAccessTokens();
                await Task.WhenAll(processes.SelectMany(p => Enumerable.Range(0, 3).Select(_ => ReadAsync(p, emu))));

                Assert.Equal(expiry, emu.RefreshGrants);
            }

            Assert.Equal(0, emu.RefreshGrantsRefused);
            Assert.Equal(4, emu.TokensIssued);
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
        // The store's leases expire on a fake clock: the crashed holder's lease stands until the test moves it.
        var leaseClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new RecordingStore(leaseClock);
        var processes = Enumerable.Range(0, 4).Select(_ => Process(emu, store)).ToList();
        try
        {
            await SignInAsync(processes[0]);
            await Task.WhenAll(processes.Select(p => ReadAsync(p, emu)));
            var crashed = await store.TryBeginRefreshAsync(store.Keys.Single(), TimeSpan.FromSeconds(1), CancellationToken.None);
            Assert.NotNull(crashed);
            emu.ExpireAccessTokens();
            var refusedBefore = store.RefusedLeases;

            var reads = Task.WhenAll(processes.Select(p => ReadAsync(p, emu)));
            await Waiting.WaitUntilAsync(() => store.RefusedLeases >= refusedBefore + processes.Count || reads.IsCompleted);

            Assert.False(reads.IsCompleted, "the processes went on while the crashed holder's lease stood");
            Assert.Equal(0, emu.RefreshGrants);
            leaseClock.Advance(TimeSpan.FromSeconds(1));
            await reads.WaitAsync(Waiting.DefaultTimeout);
            Assert.Equal(1, emu.RefreshGrants);
            Assert.Equal(0, emu.RefreshGrantsRefused);
        }
        finally
        {
            await DisposeAllAsync(processes);
        }
    }

    [Fact]
    public async Task SeededFromAPersistedRefreshToken_TheFirstProcessRefreshesOnce_TheOthersTakeItsToken()
    {
        await using var emu = await TandemEmulator.StartAsync();
        string persisted;
        await using (var signIn = Process(emu, tokenStore: new InMemoryTandemTokenStore()))
        {
            await SignInAsync(signIn);
            persisted = (await signIn.GetRequiredService<ITandemTokenStore>().GetRefreshTokenAsync())!;
        }

        var store = new RecordingStore();
        var processes = new List<ServiceProvider> { Process(emu, store, new InMemoryTandemTokenStore(persisted)) };
        processes.AddRange(Enumerable.Range(0, 3).Select(_ => Process(emu, store)));
        try
        {
            await ReadAsync(processes[0], emu);
            await Task.WhenAll(processes.Select(p => ReadAsync(p, emu)));

            Assert.Equal(1, emu.RefreshGrants);
            Assert.Equal(0, emu.RefreshGrantsRefused);
        }
        finally
        {
            await DisposeAllAsync(processes);
        }
    }

    [Fact]
    public async Task SignOut_RevokesTheSessionsCurrentRefreshToken_EveryProcessIsSignedOut()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var store = new RecordingStore();
        var processes = Enumerable.Range(0, 2).Select(_ => Process(emu, store)).ToList();
        try
        {
            await SignInAsync(processes[0]);
            emu.ExpireAccessTokens();
            await ReadAsync(processes[1], emu); // The second process rotates the refresh token the first one signed in with.

            await Client(processes[0]).Auth.SignOutAsync();
            emu.ExpireAccessTokens();

            await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => ReadAsync(processes[1], emu));
            Assert.Equal(1, emu.RefreshGrants);
        }
        finally
        {
            await DisposeAllAsync(processes);
        }
    }

    [Fact]
    public async Task WithoutSessionId_NothingIsShared()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var store = new RecordingStore();
        await using var process = Process(emu, store, sessionId: null);

        await SignInAsync(process);
        await ReadAsync(process, emu);

        Assert.Empty(store.Keys);
    }

    [Fact]
    public async Task TheStoresKey_AndTheDescriptions_CarryNoSecretNorTheSessionsName()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var store = new RecordingStore();
        await using var process = Process(emu, store);
        await SignInAsync(process);
        await ReadAsync(process, emu);
        var token = await Client(process).Auth.GetAccessTokenAsync();
        var options = process.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<TandemOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName);

        var key = Assert.Single(store.Keys);
        Assert.StartsWith("tok:", key, StringComparison.Ordinal);
        string[] secrets = [token.Value, token.RefreshToken!, emu.ClientSecret, emu.ClientId, Session];
        foreach (var text in new[] { key, token.ToString(), options.ToString()!, store.ToString()!, Client(process).ToString()! })
        {
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task BlankSessionId_IsRefusedByValidation()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var options = TandemClientFixture.Options(emu, TandemAuthFlow.ThreeLegged);
        options.SessionId = " ";

        var errors = options.Validate(TandemOptions.SectionName);

        Assert.Contains(errors, e => e.Contains("SessionId", StringComparison.Ordinal));
    }

    private static ServiceProvider Process(TandemEmulator emu, ISharedTokenStore? store = null, ITandemTokenStore? tokenStore = null, string? sessionId = Session)
    {
        var services = new ServiceCollection();
        if (store is not null)
        {
            services.AddSingleton(store);
        }

        if (tokenStore is not null)
        {
            services.AddSingleton(tokenStore);
        }

        services.AddTandem(o =>
        {
            var template = TandemClientFixture.Options(emu, TandemAuthFlow.ThreeLegged);
            o.BaseUrl = template.BaseUrl;
            o.TokenUrl = template.TokenUrl;
            o.AuthorizeUrl = template.AuthorizeUrl;
            o.RevokeUrl = template.RevokeUrl;
            o.ClientId = template.ClientId;
            o.ClientSecret = template.ClientSecret;
            o.Flow = TandemAuthFlow.ThreeLegged;
            o.RedirectUri = template.RedirectUri;
            o.Scope = template.Scope;
            o.CredentialOrigins = template.CredentialOrigins;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
            o.SessionId = sessionId;
        });
        return services.BuildServiceProvider();
    }

    private static ITandemClient Client(ServiceProvider process) => process.GetRequiredService<ITandemClient>();

    private static async Task SignInAsync(ServiceProvider process)
    {
        var client = Client(process);
        var pkce = PkceCodes.Create();
        await client.Auth.ExchangeCodeAsync(await TandemClientFixture.SignInAsync(client.Auth.CreateAuthorizeUri(pkce)), pkce);
    }

    private static Task ReadAsync(ServiceProvider process, TandemEmulator emu) => Client(process).Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

    private static async Task DisposeAllAsync(IEnumerable<ServiceProvider> processes)
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>An in-process store that records the keys it is asked for.</summary>
    private sealed class RecordingStore(TimeProvider? clock = null) : ISharedTokenStore
    {
        private readonly InProcessSharedTokenStore _inner = new(clock);
        private readonly ConcurrentDictionary<string, bool> _keys = new(StringComparer.Ordinal);
        private int _refusedLeases;

        public IReadOnlyCollection<string> Keys => [.. _keys.Keys];

        /// <summary>Gets how many lease requests found the lease held by someone else.</summary>
        public int RefusedLeases => Volatile.Read(ref _refusedLeases);

        public ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken)
        {
            _keys[key] = true;
            return _inner.GetAsync(key, cancellationToken);
        }

        public async ValueTask<ISharedTokenLease?> TryBeginRefreshAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken)
        {
            _keys[key] = true;
            var lease = await _inner.TryBeginRefreshAsync(key, leaseTime, cancellationToken);
            if (lease is null)
            {
                Interlocked.Increment(ref _refusedLeases);
            }

            return lease;
        }
    }
}
