using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

public sealed class LifecycleTwinDependencyInjectionTests
{
    [Fact]
    public async Task AddLifecycleTwin_FromConfiguration_ResolvesWorkingSingleton()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DigitalTwin:LifecycleTwin:BaseUrl"] = emulator.BaseUri.ToString(),
            ["DigitalTwin:LifecycleTwin:ClientId"] = emulator.ClientId,
            ["DigitalTwin:LifecycleTwin:ClientSecret"] = emulator.ClientSecret,
            ["DigitalTwin:LifecycleTwin:Username"] = emulator.Username,
            ["DigitalTwin:LifecycleTwin:Password"] = emulator.Password,
            ["DigitalTwin:LifecycleTwin:ClientName"] = emulator.ClientName,
            ["DigitalTwin:LifecycleTwin:ProjectId"] = emulator.ProjectId,
            ["DigitalTwin:LifecycleTwin:PageSize"] = "100",
        }).Build();
        var services = new ServiceCollection();
        services.AddLifecycleTwin(configuration.GetSection(LifecycleTwinOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ILifecycleTwinClient>();
        var assets = await client.Assets.GetAssetsAsync().ToListAsync();

        Assert.Same(client, provider.GetRequiredService<ILifecycleTwinClient>());
        Assert.Equal(emulator.Assets.Count, assets.Count);
        Assert.Equal("""{"page" : 0, "size" : 100}""", emulator.Requests.ForPath("/api/assets")[0].Header("pagination"));
    }

    [Fact]
    public async Task AddLifecycleTwin_TwoNamedTenants_AreIndependent()
    {
        await using var first = await LifecycleTwinEmulator.StartAsync();
        await using var second = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { Seed = 7, ClientName = "Other" });
        var services = new ServiceCollection();
        services.AddLifecycleTwin("a", o => Copy(LifecycleTwinFixture.OptionsFor(first), o));
        services.AddLifecycleTwin("b", o => Copy(LifecycleTwinFixture.OptionsFor(second), o));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<ILifecycleTwinClient>("a").Sites.GetSitesAsync().ToListAsync();
        await provider.GetRequiredKeyedService<ILifecycleTwinClient>("b").Sites.GetSitesAsync().ToListAsync();

        Assert.Equal(1, first.TokensIssued);
        Assert.Equal(1, second.TokensIssued);
        Assert.Equal("Other", second.Requests.ForPath("/api/clientprojects")[0].Header("clientname"));
    }

    [Fact]
    public async Task AddLifecycleTwin_MissingSettings_FailValidationNamingTheKeys()
    {
        var services = new ServiceCollection();
        services.AddLifecycleTwin(o => o.ClientName = "x");
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ILifecycleTwinClient>());

        Assert.Contains(ex.Failures, f => f.Contains("DigitalTwin:LifecycleTwin:ClientId is required", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("DigitalTwin:LifecycleTwin:Password is required", StringComparison.Ordinal));
    }

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
}
