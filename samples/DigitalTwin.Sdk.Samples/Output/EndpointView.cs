using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Output;

/// <summary>The line that opens each scenario: which endpoint the run talks to.</summary>
internal static class EndpointView
{
    /// <summary>Prints the configured endpoint, or the embedded emulator's with the settings that would replace it.</summary>
    /// <param name="configuredEndpoint">The endpoint from configuration, or <see langword="null"/> when an emulator runs.</param>
    /// <param name="emulatorEndpoint">The embedded emulator's address, when one runs.</param>
    /// <param name="settingsHint">The settings that point the scenario at a real service.</param>
    public static void Show(string? configuredEndpoint, Uri? emulatorEndpoint, string settingsHint)
    {
        if (emulatorEndpoint is null)
        {
            AnsiConsole.MarkupLineInterpolated($"Endpoint: [blue]{configuredEndpoint}[/] (from configuration)");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Endpoint: [blue]{emulatorEndpoint.ToString()}[/] (embedded emulator; set {settingsHint} to use a real service)");
        }
    }
}
