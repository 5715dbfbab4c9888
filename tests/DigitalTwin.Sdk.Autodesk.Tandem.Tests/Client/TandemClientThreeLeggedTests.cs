using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.Tandem;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Client;

public sealed class TandemClientThreeLeggedTests
{
    private static async Task<(TandemClient Client, InMemoryTandemTokenStore Store)> SignedInAsync(TandemEmulator emu, bool publicClient)
    {
        var store = new InMemoryTandemTokenStore();
        var client = new TandemClient(TandemClientFixture.Options(emu, TandemAuthFlow.ThreeLegged, publicClient).UseTokenStore(store));
        var pkce = PkceCodes.Create();
        var code = await TandemClientFixture.SignInAsync(client.Auth.CreateAuthorizeUri(pkce, state: "s1"));
        await client.Auth.ExchangeCodeAsync(code, pkce);
        return (client, store);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_WithPkce_StoresRefreshTokenAndUsesTheExchangedAccessToken(bool publicClient)
    {
        await using var emu = await TandemEmulator.StartAsync();
        var (client, store) = await SignedInAsync(emu, publicClient);
        using var _ = client;

        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

        Assert.Equal("Mill", twin.GetProperty("Identity Data", "Building Name"));
        Assert.NotNull(await store.GetRefreshTokenAsync());
        Assert.Equal(1, emu.TokensIssued);
        Assert.Equal(0, emu.RefreshGrants);
        var exchange = emu.Requests.ForPath("/authentication/v2/token").Single();
        Assert.Contains("code_verifier=", exchange.Body, StringComparison.Ordinal);
        Assert.Equal(publicClient, exchange.Header("Authorization") is null);
    }

    [Fact]
    public async Task ExpiredToken_ManyConcurrentCallers_OneRefreshAndTheRotatedTokenIsStored()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var (client, store) = await SignedInAsync(emu, publicClient: true);
        using var _ = client;
        var firstRefresh = await store.GetRefreshTokenAsync();
        await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));
        emu.ExpireAccessTokens();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId))));

        Assert.Equal(1, emu.RefreshGrants);
        var rotated = await store.GetRefreshTokenAsync();
        Assert.NotNull(rotated);
        Assert.NotEqual(firstRefresh, rotated);
    }

    [Fact]
    public async Task PersistedRefreshToken_NewClientInstance_ContinuesWithoutSignIn()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var (first, store) = await SignedInAsync(emu, publicClient: true);
        first.Dispose();
        var persisted = await store.GetRefreshTokenAsync();

        using var second = new TandemClient(TandemClientFixture.Options(emu, TandemAuthFlow.ThreeLegged, publicClient: true).UseTokenStore(new InMemoryTandemTokenStore(persisted)));
        var twins = await second.Twins.GetMyTwinsAsync().ToListAsync();

        Assert.Single(twins);
        Assert.Equal(1, emu.RefreshGrants);
    }

    [Fact]
    public async Task NotSignedIn_ThrowsAuthenticationExceptionSayingSo()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = new TandemClient(TandemClientFixture.Options(emu, TandemAuthFlow.ThreeLegged, publicClient: true));

        var ex = await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId)));

        Assert.Contains("sign the user in", ex.Message, StringComparison.Ordinal);
        Assert.Empty(emu.Requests.ForPath("/tandem"));
    }

    [Fact]
    public async Task CallBeforeSignIn_ThenSignIn_NextCallWorksAtOnce()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = new TandemClient(TandemClientFixture.Options(emu, TandemAuthFlow.ThreeLegged, publicClient: true));
        await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId)));
        var pkce = PkceCodes.Create();

        await client.Auth.ExchangeCodeAsync(await TandemClientFixture.SignInAsync(client.Auth.CreateAuthorizeUri(pkce)), pkce);
        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

        Assert.Equal("free", twin.AccountType);
    }

    [Fact]
    public async Task SignOut_RevokesAndClearsTheRefreshToken()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var (client, store) = await SignedInAsync(emu, publicClient: true);
        using var _ = client;
        var refresh = (await store.GetRefreshTokenAsync())!;

        await client.Auth.SignOutAsync();

        Assert.Null(await store.GetRefreshTokenAsync());
        var revoke = emu.Requests.ForPath("/authentication/v2/revoke").Single();
        Assert.Contains("token_type_hint=refresh_token", revoke.Body, StringComparison.Ordinal);
        using var reuse = new TandemClient(TandemClientFixture.Options(emu, TandemAuthFlow.ThreeLegged, publicClient: true).UseTokenStore(new InMemoryTandemTokenStore(refresh)));
        await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => reuse.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId)));
    }

    [Fact]
    public async Task RevokeAccessToken_NextCallRefreshesOnce()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var (client, _) = await SignedInAsync(emu, publicClient: false);
        using var __ = client;
        var token = await client.Auth.GetAccessTokenAsync();

        await client.Auth.RevokeAsync(token.Value, ApsTokenTypeHint.AccessToken);
        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

        Assert.NotNull(twin);
        Assert.Equal(1, emu.RefreshGrants);
    }

    [Fact]
    public async Task SignIn_WrongVerifier_IsRefused()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = new TandemClient(TandemClientFixture.Options(emu, TandemAuthFlow.ThreeLegged, publicClient: true));
        var code = await TandemClientFixture.SignInAsync(client.Auth.CreateAuthorizeUri(PkceCodes.Create()));

        await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => client.Auth.ExchangeCodeAsync(code, PkceCodes.Create()));
    }

    [Fact]
    public async Task TwoLeggedClient_RefusesSignIn()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = TandemClientFixture.Create(emu);

        Assert.Throws<InvalidOperationException>(() => client.Auth.CreateAuthorizeUri(PkceCodes.Create()));
    }
}
