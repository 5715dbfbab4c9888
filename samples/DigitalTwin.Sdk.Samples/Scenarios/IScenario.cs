namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>One vendor's sample: runs against the configured endpoint, or an embedded emulator when none is configured.</summary>
internal interface IScenario
{
    /// <summary>Gets the command name, e.g. <c>lifecycle-twin</c>.</summary>
    string Name { get; }

    /// <summary>Gets a one-line description.</summary>
    string Description { get; }

    /// <summary>Runs the scenario and prints what it did.</summary>
    /// <param name="run">The configuration and the <c>--write</c> switch.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A task that completes when the scenario is done.</returns>
    Task RunAsync(ScenarioRun run, CancellationToken cancellationToken);

    /// <summary>Starts the vendor's emulator for <c>serve</c> and names the settings that point a client at it.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator with its settings.</returns>
    Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken);
}
