using DigitalTwin.Sdk.Testing.ThreadEdge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests;

public sealed class ThreadEdgeServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddThreadEdge_FromConfigurationSection_ResolvesWorkingClient()
    {
        await using var emu = await ThreadEdgeEmulator.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DigitalTwin:ThreadEdge:BaseUrl"] = emu.BaseUri.ToString() })
            .Build();
        var services = new ServiceCollection();
        services.AddThreadEdge(configuration.GetSection(ThreadEdgeOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IThreadEdgeClient>();
        Assert.Equal(emu.SerialNumber, await client.Device.GetSerialNumberAsync());
        Assert.Equal(emu.BaseUri, provider.GetRequiredService<IOptionsMonitor<ThreadEdgeOptions>>().Get(Options.DefaultName).BaseUrl);
    }

    [Fact]
    public async Task AddThreadEdge_TwoNamedDevices_AreIndependent()
    {
        await using var first = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { Seed = 1 });
        await using var second = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { Seed = 2 });
        var services = new ServiceCollection();
        services.AddThreadEdge("north", o => o.BaseUrl = first.BaseUri);
        services.AddThreadEdge("south", o => o.BaseUrl = second.BaseUri);
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(first.SerialNumber, await provider.GetRequiredKeyedService<IThreadEdgeClient>("north").Device.GetSerialNumberAsync());
        Assert.Equal(second.SerialNumber, await provider.GetRequiredKeyedService<IThreadEdgeClient>("south").Device.GetSerialNumberAsync());
        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
    }

    [Fact]
    public void AddThreadEdge_NoArguments_TargetsLocalhost()
    {
        var services = new ServiceCollection();
        services.AddThreadEdge();
        using var provider = services.BuildServiceProvider();
        Assert.Equal(new Uri("ws://localhost/ws/port/1"), provider.GetRequiredService<IThreadEdgeClient>().Ports.GetSocketUri(1));
    }

    [Fact]
    public void AddThreadEdge_LanHttpWithoutOption_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddThreadEdge(o => o.BaseUrl = new Uri("http://192.168.1.20/"));
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<ThreadEdgeOptions>>().Get(Options.DefaultName));
        Assert.Contains("DigitalTwin:ThreadEdge:BaseUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddThreadEdge_LanHttpWithOption_IsAccepted()
    {
        var services = new ServiceCollection();
        services.AddThreadEdge(o =>
        {
            o.BaseUrl = new Uri("http://192.168.1.20/");
            o.AllowInsecureHttp = true;
        });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IThreadEdgeClient>();
        Assert.Equal(new Uri("ws://192.168.1.20/ws/port/2"), client.Ports.GetSocketUri(2));
    }

    [Fact]
    public void AddThreadEdge_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ThreadEdgeServiceCollectionExtensions.AddThreadEdge(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddThreadEdge((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddThreadEdge((Action<ThreadEdgeOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddThreadEdge(null!, _ => { }));
    }
}
