using System.CommandLine;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Samples.Scenarios;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

// Runs every vendor scenario (default `all`) or one (`lifecycle-twin`, …). Without configuration each scenario starts
// its embedded emulator; with DigitalTwin__<Vendor>__BaseUrl etc. it talks to that endpoint instead.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();

var root = new RootCommand("DigitalTwin.Sdk samples: one command per vendor; without configuration they run against embedded emulators.");
var all = new Command("all", "Run every vendor scenario (the default).");
all.SetAction((_, ct) => RunAsync(ScenarioCatalog.All, ct));
root.Subcommands.Add(all);
foreach (var scenario in ScenarioCatalog.All)
{
    var command = new Command(scenario.Name, scenario.Description);
    command.SetAction((_, ct) => RunAsync([scenario], ct));
    root.Subcommands.Add(command);
}

root.SetAction((_, ct) => RunAsync(ScenarioCatalog.All, ct));
return await root.Parse(args).InvokeAsync();

async Task<int> RunAsync(IReadOnlyList<IScenario> scenarios, CancellationToken cancellationToken)
{
    foreach (var scenario in scenarios)
    {
        AnsiConsole.Write(new Rule($"[bold]{scenario.Name}[/]").LeftJustified());
        try
        {
            await scenario.RunAsync(configuration, cancellationToken);
        }
        catch (Exception ex) when (ex is DigitalTwinException or ArgumentException or InvalidOperationException or OperationCanceledException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            Console.Error.WriteLine($"{scenario.Name} failed: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    return 0;
}
