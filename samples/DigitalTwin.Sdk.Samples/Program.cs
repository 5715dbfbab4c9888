using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Samples.Scenarios;
using DigitalTwin.Sdk.Samples.Telemetry;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

// Runs every vendor scenario (default `all`) or one (`lifecycle-twin`, …). Without configuration each scenario starts
// its embedded emulator; with DigitalTwin__<Vendor>__BaseUrl etc. it talks to that endpoint instead.
// `--telemetry` prints the SDK's activities and metrics after each scenario; `serve` only hosts an emulator (used by
// CI to run the Native AOT sample against it).
SampleConsole.Configure();
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();

var telemetry = new Option<bool>("--telemetry")
{
    Description = "Print the SDK's activities and metrics (ActivitySource/Meter \"DigitalTwin.Sdk\") after each scenario.",
    Recursive = true,
};
var root = new RootCommand("DigitalTwin.Sdk samples: one command per vendor; without configuration they run against embedded emulators.");
root.Options.Add(telemetry);
var all = new Command("all", "Run every vendor scenario (the default).");
all.SetAction((parse, ct) => RunAsync(ScenarioCatalog.All, parse.GetValue(telemetry), ct));
root.Subcommands.Add(all);
foreach (var scenario in ScenarioCatalog.All)
{
    var command = new Command(scenario.Name, scenario.Description);
    command.SetAction((parse, ct) => RunAsync([scenario], parse.GetValue(telemetry), ct));
    root.Subcommands.Add(command);
}

var envFile = new Option<FileInfo>("--env-file")
{
    Description = "Write the emulator's DigitalTwin__LifecycleTwin__* settings to this file (KEY=value lines) once it listens.",
    Required = true,
};
var seconds = new Option<int>("--seconds") { Description = "Stop after this many seconds.", DefaultValueFactory = _ => 300 };
var serve = new Command("serve", "Host the Lifecycle Twin emulator until stopped (or --seconds pass) and write its settings to --env-file.");
serve.Options.Add(envFile);
serve.Options.Add(seconds);
serve.SetAction((parse, ct) => ServeAsync(parse.GetValue(envFile)!, parse.GetValue(seconds), ct));
root.Subcommands.Add(serve);

root.SetAction((parse, ct) => RunAsync(ScenarioCatalog.All, parse.GetValue(telemetry), ct));
return await root.Parse(args).InvokeAsync();

async Task<int> RunAsync(IReadOnlyList<IScenario> scenarios, bool printTelemetry, CancellationToken cancellationToken)
{
    using var recorder = printTelemetry ? new TelemetryRecorder() : null;
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
        finally
        {
            recorder?.Print();
        }
    }

    return 0;
}

async Task<int> ServeAsync(FileInfo file, int lifetimeSeconds, CancellationToken invocationToken)
{
    // The emulator's ASP.NET Core host claims SIGTERM/SIGINT for itself; stop the whole command on either signal too.
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(invocationToken);
    using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stop.Cancel());
    using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => stop.Cancel());
    var cancellationToken = stop.Token;
    await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 1_000 }, cancellationToken);
    var lines = new[]
    {
        $"DigitalTwin__LifecycleTwin__BaseUrl={emulator.BaseUri}",
        $"DigitalTwin__LifecycleTwin__ClientId={emulator.ClientId}",
        $"DigitalTwin__LifecycleTwin__ClientSecret={emulator.ClientSecret}",
        $"DigitalTwin__LifecycleTwin__Username={emulator.Username}",
        $"DigitalTwin__LifecycleTwin__Password={emulator.Password}",
        $"DigitalTwin__LifecycleTwin__ClientName={emulator.ClientName}",
        $"DigitalTwin__LifecycleTwin__ProjectId={emulator.ProjectId}",
    };

    // Written to a temporary name and moved, so a reader never sees half a file.
    var temporary = file.FullName + ".tmp";
    await File.WriteAllLinesAsync(temporary, lines, cancellationToken);
    File.Move(temporary, file.FullName, overwrite: true);
    Console.WriteLine($"Lifecycle Twin emulator listening on {emulator.BaseUri}; settings in {file.FullName}; stopping after {lifetimeSeconds.ToString(CultureInfo.InvariantCulture)} s.");
    try
    {
        await Task.Delay(TimeSpan.FromSeconds(lifetimeSeconds), cancellationToken);
    }
    catch (OperationCanceledException)
    {
        // Ctrl+C or SIGTERM: stop quietly.
    }

    Console.WriteLine($"Emulator stopping after {emulator.Requests.Count} requests.");
    return 0;
}
