using DigitalTwin.Sdk.Testing.BuildingX;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

/// <summary>An emulator and a client pointed at it.</summary>
internal sealed class BuildingXTestContext : IAsyncDisposable
{
    private BuildingXTestContext(BuildingXEmulator emulator, BuildingXClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public BuildingXEmulator Emulator { get; }

    public BuildingXClient Client { get; }

    public string Partition => Emulator.DocumentedPartitionId;

    public static async Task<BuildingXTestContext> StartAsync(BuildingXEmulatorOptions? emulatorOptions = null, Action<BuildingXOptions>? configure = null, TimeProvider? time = null)
    {
        var emulator = await BuildingXEmulator.StartAsync(emulatorOptions);
        var options = OptionsFor(emulator);
        configure?.Invoke(options);
        return new BuildingXTestContext(emulator, new BuildingXClient(options, timeProvider: time));
    }

    public static BuildingXOptions OptionsFor(BuildingXEmulator emulator)
    {
        var options = new BuildingXOptions
        {
            BaseUrl = emulator.ApiBaseUri,
            AccountsBaseUrl = emulator.AccountsBaseUri,
            TokenUrl = emulator.TokenUri,
            ClientId = emulator.ClientId,
            ClientSecret = emulator.ClientSecret,
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
    }
}
