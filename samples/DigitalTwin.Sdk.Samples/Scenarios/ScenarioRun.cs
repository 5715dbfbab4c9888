using Microsoft.Extensions.Configuration;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>What one run of a scenario is given.</summary>
/// <param name="Configuration">App configuration (appsettings.json + environment variables).</param>
/// <param name="Write">
/// Whether the scenario may write to a configured service (<c>--write</c>). Against an embedded emulator a scenario
/// always shows its writes; against a real service it only reads unless this is set.
/// </param>
internal sealed record ScenarioRun(IConfiguration Configuration, bool Write);
