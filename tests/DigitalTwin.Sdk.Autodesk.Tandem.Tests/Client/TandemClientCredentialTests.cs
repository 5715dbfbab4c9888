using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Testing.Tandem;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Client;

/// <summary>A host app's own <see cref="ITokenProvider"/> replaces both APS grant flows, standalone and under DI.</summary>
public sealed class TandemClientCredentialTests
{
    [Fact]
    public async Task Constructor_WithCredential_UsesItsTokensInsteadOfTheGrantFlow()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var credential = new EmulatorCredential(emu);
        // A wrong secret: the client-credentials grant would fail, so a successful read proves the credential was used.
        var options = TandemClientFixture.Options(emu);
        options.ClientSecret = "not-the-secret";
        using var client = new TandemClient(options, credential);

        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

        Assert.Equal("Mill", twin.GetProperty("Identity Data", "Building Name"));
        Assert.Equal(1, credential.Calls);
        Assert.Equal(1, emu.TokensIssued); // The one the credential asked for; the client asked for none.
        Assert.Equal((await credential.GetTokenAsync(default)).Value, (await client.Auth.GetAccessTokenAsync()).Value);
    }

    [Fact]
    public async Task Constructor_WithCredential_HasNoSignIn()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var client = new TandemClient(TandemClientFixture.Options(emu, TandemAuthFlow.ThreeLegged, publicClient: true), new EmulatorCredential(emu));

        Assert.Throws<InvalidOperationException>(() => client.Auth.CreateAuthorizeUri(PkceCodes.Create()));
    }

    [Fact]
    public async Task AddTandem_UseCredential_UsesItsTokensInsteadOfTheGrantFlow()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var credential = new EmulatorCredential(emu);
        var services = new ServiceCollection();
        services.AddTandem(o =>
        {
            var fixture = TandemClientFixture.Options(emu);
            o.BaseUrl = fixture.BaseUrl;
            o.TokenUrl = fixture.TokenUrl;
            o.ClientId = fixture.ClientId;
            o.ClientSecret = "not-the-secret";
        }).UseCredential(_ => credential);
        await using var provider = services.BuildServiceProvider();

        var twin = await provider.GetRequiredService<ITandemClient>().Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

        Assert.Equal("Mill", twin.GetProperty("Identity Data", "Building Name"));
        Assert.Equal(1, credential.Calls);
        Assert.Equal(1, emu.TokensIssued);
    }

    [Fact]
    public async Task AddTandem_Named_ResolvesKeyedClientWithItsOwnOptions()
    {
        await using var emu = await TandemEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddTandem("emea", o =>
        {
            var fixture = TandemClientFixture.Options(emu);
            o.BaseUrl = fixture.BaseUrl;
            o.TokenUrl = fixture.TokenUrl;
            o.ClientId = fixture.ClientId;
            o.ClientSecret = fixture.ClientSecret;
        });
        await using var provider = services.BuildServiceProvider();

        var twin = await provider.GetRequiredKeyedService<ITandemClient>("emea").Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

        Assert.Equal("Mill", twin.GetProperty("Identity Data", "Building Name"));
        Assert.Null(provider.GetService<ITandemClient>());
    }

    /// <summary>A host app's credential: fetches one app token from the emulator's token endpoint and caches it.</summary>
    private sealed class EmulatorCredential(TandemEmulator emu) : ITokenProvider
    {
        private AccessToken? _token;

        public int Calls { get; private set; }

        public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            if (_token is not null)
            {
                return _token;
            }

            Calls++;
            using var http = new HttpClient { BaseAddress = emu.BaseUri };
            using var request = new HttpRequestMessage(HttpMethod.Post, "authentication/v2/token")
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", "data:read")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(emu.ClientId + ":" + emu.ClientSecret)));
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var now = TimeProvider.System.GetUtcNow(); // The client under test runs on the system clock too.
            _token = new AccessToken(body.RootElement.GetProperty("access_token").GetString()!, now.AddHours(1), now);
            return _token;
        }

        public void Invalidate(AccessToken token) => _token = null;
    }
}
