using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Testing.Tandem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Client;

public sealed class TandemServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(TandemEmulator emu, Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DigitalTwin:Tandem:BaseUrl"] = new Uri(emu.BaseUri, "tandem/v1/").ToString(),
            ["DigitalTwin:Tandem:TokenUrl"] = new Uri(emu.BaseUri, "authentication/v2/token").ToString(),
            ["DigitalTwin:Tandem:AuthorizeUrl"] = new Uri(emu.BaseUri, "authentication/v2/authorize").ToString(),
            ["DigitalTwin:Tandem:RevokeUrl"] = new Uri(emu.BaseUri, "authentication/v2/revoke").ToString(),
            ["DigitalTwin:Tandem:ClientId"] = emu.ClientId,
            ["DigitalTwin:Tandem:ClientSecret"] = emu.ClientSecret,
            ["DigitalTwin:Tandem:TwinId"] = emu.TwinId,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTandem(configuration.GetSection(TandemOptions.SectionName));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddTandem_BindsSectionAndResolvesAWorkingClient()
    {
        await using var emu = await TandemEmulator.StartAsync();
        await using var provider = Build(emu, []);

        var options = provider.GetRequiredService<IOptionsMonitor<TandemOptions>>().CurrentValue;
        var client = provider.GetRequiredService<ITandemClient>();
        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(options.TwinId!));

        Assert.Same(client, provider.GetRequiredService<ITandemClient>());
        Assert.Equal(emu.TwinId, options.TwinId);
        Assert.Equal("free", twin.AccountType);
        Assert.Equal(1, emu.TokensIssued);
    }

    [Fact]
    public async Task AddTandem_CredentialOriginsFromConfiguration_ReplaceTheDefaultAndLetTheDocumentDownloadCarryTheBearer()
    {
        await using var emu = await TandemEmulator.StartAsync();
        await using var provider = Build(emu, new() { ["DigitalTwin:Tandem:CredentialOrigins:0"] = emu.DocumentOrigin.GetLeftPart(UriPartial.Authority) });
        var client = provider.GetRequiredService<ITandemClient>();
        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));
        using var content = new MemoryStream();

        await client.Twins.DownloadDocumentAsync(twin.Docs[2], content);

        var options = provider.GetRequiredService<IOptionsMonitor<TandemOptions>>().CurrentValue;
        Assert.Equal([emu.DocumentOrigin], options.CredentialOrigins!);
        Assert.True(content.Length > 0);
        Assert.NotNull(emu.DocumentRequests.Snapshot().Single().Header("Authorization"));
    }

    [Theory]
    [InlineData("https://tandem.autodesk.com/api/v1/")]
    [InlineData("http://tandem.autodesk.com")]
    [InlineData("https://user@tandem.autodesk.com")]
    public async Task AddTandem_CredentialOriginNotAnHttpsOrigin_FailsValidationNamingTheKey(string origin)
    {
        await using var emu = await TandemEmulator.StartAsync();
        await using var provider = Build(emu, new() { ["DigitalTwin:Tandem:CredentialOrigins:0"] = origin });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<TandemOptions>>().CurrentValue);

        Assert.Contains("DigitalTwin:Tandem:CredentialOrigins:0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTandem_MissingClientId_FailsValidationNamingTheKey()
    {
        await using var emu = await TandemEmulator.StartAsync();
        await using var provider = Build(emu, new() { ["DigitalTwin:Tandem:ClientId"] = string.Empty });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<TandemOptions>>().CurrentValue);

        Assert.Contains("DigitalTwin:Tandem:ClientId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTandem_ThreeLegged_SignInThroughTheResolvedClient()
    {
        await using var emu = await TandemEmulator.StartAsync();
        await using var provider = Build(emu, new()
        {
            ["DigitalTwin:Tandem:Flow"] = "ThreeLegged",
            ["DigitalTwin:Tandem:ClientId"] = emu.PublicClientId,
            ["DigitalTwin:Tandem:ClientSecret"] = null,
            ["DigitalTwin:Tandem:RedirectUri"] = emu.RedirectUri.ToString(),
        });
        var client = provider.GetRequiredService<ITandemClient>();
        var pkce = PkceCodes.Create();

        await client.Auth.ExchangeCodeAsync(await TandemClientFixture.SignInAsync(client.Auth.CreateAuthorizeUri(pkce)), pkce);
        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(emu.TwinId));

        Assert.Equal("Mill", twin.GetProperty("Identity Data", "Building Name"));
        Assert.NotNull(await provider.GetRequiredService<ITandemTokenStore>().GetRefreshTokenAsync());
        Assert.Equal(0, emu.RefreshGrants);
    }
}
