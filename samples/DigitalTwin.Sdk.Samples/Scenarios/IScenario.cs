using Microsoft.Extensions.Configuration;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>One vendor's sample: runs against the configured endpoint, or an embedded emulator when none is configured.</summary>
internal interface IScenario
{
    /// <summary>Gets the command name, e.g. <c>lifecycle-twin</c>.</summary>
    string Name { get; }

    /// <summary>Gets a one-line description.</summary>
    string Description { get; }

    /// <summary>Runs the scenario and prints what it did.</summary>
    /// <param name="configuration">App configuration (appsettings.json + environment variables).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A task that completes when the scenario is done.</returns>
    Task RunAsync(IConfiguration configuration, CancellationToken cancellationToken);
}
