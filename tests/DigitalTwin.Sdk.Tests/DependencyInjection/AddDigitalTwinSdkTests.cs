using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Sdk.Tests.DependencyInjection;

public sealed class AddDigitalTwinSdkTests
{
    [Fact]
    public async Task AddDigitalTwinSdk_LifecycleTwinSectionPresent_RegistersWorkingSingleton()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(EmulatorSettings.For(emulator)).Build();
        var services = new ServiceCollection();

        services.AddDigitalTwinSdk(configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ILifecycleTwinClient>();
        var sites = await client.Sites.GetSitesAsync().ToListAsync();

        Assert.Same(client, provider.GetRequiredService<ILifecycleTwinClient>());
        Assert.IsType<LifecycleTwinClient>(client);
        Assert.Equal(emulator.Sites.Select(s => s.Id).Order(StringComparer.Ordinal), sites.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal(1, emulator.TokensIssued);
        Assert.NotNull(provider.GetService<IHttpClientFactory>());
    }

    [Fact]
    public async Task AddDigitalTwinSdk_GivenTheDigitalTwinSectionItself_ReadsVendorsBelowIt()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(EmulatorSettings.For(emulator, "Apps:DigitalTwin:LifecycleTwin")).Build();
        var services = new ServiceCollection();

        services.AddDigitalTwinSdk(configuration.GetSection("Apps:DigitalTwin"));
        await using var provider = services.BuildServiceProvider();
        var site = await provider.GetRequiredService<ILifecycleTwinClient>().Sites.GetSiteAsync(emulator.ProjectId);

        Assert.Equal(emulator.ProjectId, site.Id);
    }

    [Fact]
    public void AddDigitalTwinSdk_NoVendorSection_ThrowsNamingTheSectionsLookedFor()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DigitalTwin:Unknown:BaseUrl"] = "https://example.invalid/",
        }).Build();
        var services = new ServiceCollection();

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddDigitalTwinSdk(configuration));

        Assert.Contains("DigitalTwin:LifecycleTwin", ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public async Task AddDigitalTwinSdk_SectionMissingKeys_HostStartFailsNamingEachMissingKey()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DigitalTwin:LifecycleTwin:ClientId"] = "client",
            ["DigitalTwin:LifecycleTwin:Username"] = "user",
            ["DigitalTwin:LifecycleTwin:ClientName"] = "Portfolio",
        });
        builder.Services.AddDigitalTwinSdk(builder.Configuration);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.Contains("DigitalTwin:LifecycleTwin:ClientSecret is required", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("DigitalTwin:LifecycleTwin:Password is required", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Failures, f => f.Contains("ClientId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddDigitalTwinSdk_CompleteSection_HostStartsAndResolvesTheSameSingleton()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(EmulatorSettings.For(emulator));
        builder.Services.AddDigitalTwinSdk(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        var first = host.Services.GetRequiredService<ILifecycleTwinClient>();
        using (var scope = host.Services.CreateScope())
        {
            Assert.Same(first, scope.ServiceProvider.GetRequiredService<ILifecycleTwinClient>());
        }

        var assets = await first.Assets.GetAssetsAsync().ToListAsync();
        await host.StopAsync();

        Assert.Equal(emulator.Assets.Count, assets.Count);
    }

    [Fact]
    public void AddDigitalTwinSdk_RegistersExactlyTheVendorsThatHaveASection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DigitalTwin:LifecycleTwin:ClientId"] = "client",
            ["DigitalTwin:ThreadEdge:BaseUrl"] = "http://127.0.0.1:8080/",
        }).Build();
        var services = new ServiceCollection();

        services.AddDigitalTwinSdk(configuration);

        Assert.Contains(services, d => d.ServiceType == typeof(ILifecycleTwinClient));
        Assert.Contains(services, d => d.ServiceType == typeof(IThreadEdgeClient));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IBuildingXClient));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(ITandemClient));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IITwinIoTClient));
    }

    [Fact]
    public void Vendors_EachKeyIsUniqueAndNamesItsSection()
    {
        var keys = DigitalTwinSdkVendors.All.Select(v => v.Key).ToList();

        Assert.Contains("LifecycleTwin", keys);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(DigitalTwinSdkVendors.All, v => Assert.Equal("DigitalTwin:" + v.Key, v.SectionPath));
        Assert.Equal(
            [LifecycleTwinOptions.SectionName, BuildingXOptions.SectionName, TandemOptions.SectionName, ITwinIoTOptions.SectionName, ThreadEdgeOptions.SectionName],
            DigitalTwinSdkVendors.All.Select(v => v.SectionPath));
    }

    [Fact]
    public void Vendor_KeyWithColon_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DigitalTwinSdkVendor("Digital:Twin", static (_, _) => { }));

        Assert.Equal("key", ex.ParamName);
    }
}
