using DigitalTwin.Sdk.Samples.Output;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>
/// What a scenario talks to: the endpoint set in configuration, or else an embedded emulator started for the run,
/// together with the DI container that holds the vendor's client. Disposing it stops the container, then the emulator.
/// </summary>
/// <typeparam name="TEmulator">The vendor's emulator from <c>DigitalTwin.Sdk.Testing</c>.</typeparam>
internal sealed class ScenarioTarget<TEmulator> : IAsyncDisposable
    where TEmulator : class, IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ScenarioTarget(TEmulator? emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
    }

    /// <summary>Gets the embedded emulator, or <see langword="null"/> when the scenario talks to a configured endpoint.</summary>
    public TEmulator? Emulator { get; }

    /// <summary>
    /// Starts the emulator unless <paramref name="configuredEndpoint"/> is set, adds the vendor's client for one or the
    /// other, and prints which endpoint the run uses.
    /// </summary>
    /// <param name="configuredEndpoint">The endpoint from configuration, or <see langword="null"/> when none is set.</param>
    /// <param name="startEmulator">Starts (and seeds) the emulator.</param>
    /// <param name="emulatorEndpoint">The emulator's address, to print.</param>
    /// <param name="settingsHint">The settings that point the scenario at a real service, to print.</param>
    /// <param name="addConfigured">Adds the client bound to configuration.</param>
    /// <param name="addEmulated">Adds the client pointed at the emulator.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The target; dispose it when the scenario ends.</returns>
    public static async Task<ScenarioTarget<TEmulator>> StartAsync(
        string? configuredEndpoint,
        Func<CancellationToken, Task<TEmulator>> startEmulator,
        Func<TEmulator, Uri> emulatorEndpoint,
        string settingsHint,
        Action<IServiceCollection> addConfigured,
        Action<IServiceCollection, TEmulator> addEmulated,
        CancellationToken cancellationToken)
    {
        var emulator = configuredEndpoint is null ? await startEmulator(cancellationToken) : null;
        try
        {
            var services = new ServiceCollection();
            if (emulator is null)
            {
                addConfigured(services);
            }
            else
            {
                addEmulated(services, emulator);
            }

            EndpointView.Show(configuredEndpoint, emulator is null ? null : emulatorEndpoint(emulator), settingsHint);
            return new ScenarioTarget<TEmulator>(emulator, services.BuildServiceProvider());
        }
        catch
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Resolves the vendor's client (or any other registered service).</summary>
    /// <typeparam name="TService">The service type, e.g. <c>IBuildingXClient</c>.</typeparam>
    /// <returns>The service.</returns>
    public TService GetRequiredService<TService>()
        where TService : notnull => _services.GetRequiredService<TService>();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}
