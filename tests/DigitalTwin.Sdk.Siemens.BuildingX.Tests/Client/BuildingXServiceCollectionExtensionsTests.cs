using DigitalTwin.Sdk.Testing.BuildingX;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

public sealed class BuildingXServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddBuildingX_FromConfigurationSection_ResolvesAWorkingClient()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DigitalTwin:BuildingX:BaseUrl"] = emulator.ApiBaseUri.ToString(),
            ["DigitalTwin:BuildingX:AccountsBaseUrl"] = emulator.AccountsBaseUri.ToString(),
            ["DigitalTwin:BuildingX:TokenUrl"] = emulator.TokenUri.ToString(),
            ["DigitalTwin:BuildingX:ClientId"] = emulator.ClientId,
            ["DigitalTwin:BuildingX:ClientSecret"] = emulator.ClientSecret,
            ["DigitalTwin:BuildingX:Audience"] = emulator.Audience,
            ["DigitalTwin:BuildingX:PartitionId"] = emulator.DocumentedPartitionId,
        }).Build();
        var services = new ServiceCollection();
        services.AddBuildingX(configuration.GetSection(BuildingXOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IBuildingXClient>();
        var options = provider.GetRequiredService<IOptions<BuildingXOptions>>().Value;
        var customer = Assert.Single(await client.Account.GetCustomersAsync().ToListAsync());
        var partitions = await client.Partitions.GetPartitionsAsync(customer.Id!).ToListAsync();

        Assert.Equal("Headquarters", partitions.Single(p => p.Id == options.PartitionId).Attributes!.Name);
        Assert.Equal(10, options.RateLimit.PermitsPerSecond);
        Assert.Equal(TimeSpan.FromMilliseconds(1050), options.RateLimitWindow);
    }

    [Fact]
    public async Task AddBuildingX_NamedClients_AreKeyed()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddBuildingX("tenant-a", o => Copy(emulator, o));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredKeyedService<IBuildingXClient>("tenant-a");
        var me = await client.Account.GetUserGroupsAsync().ToListAsync();

        Assert.Equal("UserGroup", Assert.Single(me).Type);
        Assert.Null(provider.GetService<IBuildingXClient>());
    }

    [Fact]
    public void AddBuildingX_MissingSecret_FailsValidationNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddBuildingX(o => o.ClientId = "id");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BuildingXOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("DigitalTwin:BuildingX:ClientSecret", StringComparison.Ordinal));
    }

    private static void Copy(BuildingXEmulator emulator, BuildingXOptions options)
    {
        options.BaseUrl = emulator.ApiBaseUri;
        options.AccountsBaseUrl = emulator.AccountsBaseUri;
        options.TokenUrl = emulator.TokenUri;
        options.ClientId = emulator.ClientId;
        options.ClientSecret = emulator.ClientSecret;
    }
}
