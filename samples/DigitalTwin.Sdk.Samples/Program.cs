using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Samples.ScaleOut;
using DigitalTwin.Sdk.Samples.Scenarios;
using DigitalTwin.Sdk.Samples.Telemetry;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

// Runs every vendor scenario (default `all`) or one (`lifecycle-twin`, …). Without configuration each scenario starts
// its embedded emulator; with DigitalTwin__<Vendor>__BaseUrl etc. it talks to that endpoint instead.
// `--telemetry` prints the SDK's activities and metrics after each scenario; `--write` lets a scenario write to a
// configured service; `serve <vendor>` only hosts an emulator and writes the settings that point any client at it (CI
// runs the Native AOT sample against `serve lifecycle-twin`); `scale-out` starts worker processes that share one
// Building X credential and its quota over Redis.
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
var write = new Option<bool>("--write")
{
    Description = "Against a configured service, also run the scenario's writes (e.g. Tandem: one reading to each stream, read back). Emulators always show them.",
    Recursive = true,
};
var root = new RootCommand("DigitalTwin.Sdk samples: one command per vendor; without configuration they run against embedded emulators.");
root.Options.Add(telemetry);
root.Options.Add(write);
var all = new Command("all", "Run every vendor scenario (the default).");
all.SetAction((parse, ct) => RunAsync(ScenarioCatalog.All, parse, ct));
root.Subcommands.Add(all);
foreach (var scenario in ScenarioCatalog.All)
{
    var command = new Command(scenario.Name, scenario.Description);
    command.SetAction((parse, ct) => RunAsync([scenario], parse, ct));
    root.Subcommands.Add(command);
}

var vendors = new Argument<string>("vendor")
{
    Description = "The emulator to host: " + string.Join(", ", ScenarioCatalog.All.Select(s => s.Name)) + ", or all.",
};
vendors.AcceptOnlyFromAmong([.. ScenarioCatalog.All.Select(s => s.Name), "all"]);
var envFile = new Option<FileInfo>("--env-file")
{
    Description = "Write the emulators' DigitalTwin__<Vendor>__* settings to this file (KEY=value lines) once they listen.",
    Required = true,
};
var seconds = new Option<int>("--seconds") { Description = "Stop after this many seconds (0: until Ctrl+C or SIGTERM).", DefaultValueFactory = _ => 0 };
var serve = new Command("serve", "Host a vendor's emulator (or all five) until stopped and write the settings that point any client at it to --env-file.");
serve.Arguments.Add(vendors);
serve.Options.Add(envFile);
serve.Options.Add(seconds);
serve.SetAction((parse, ct) => ServeAsync(parse.GetValue(vendors)!, parse.GetValue(envFile)!, parse.GetValue(seconds), ct));
root.Subcommands.Add(serve);

var workers = new Option<int>("--workers") { Description = "How many worker processes share the credential.", DefaultValueFactory = _ => 4 };
var calls = new Option<int>("--calls") { Description = "Reads per worker.", DefaultValueFactory = _ => 50 };
var redis = new Option<string?>("--redis") { Description = "A StackExchange.Redis configuration string; without it a redis-server is started on a free port (needs redis-server installed)." };
var scaleOut = new Command("scale-out", "Start N worker processes on one Building X credential against the embedded emulator, sharing the quota over Redis; show per-process and aggregate rates live.");
scaleOut.Options.Add(workers);
scaleOut.Options.Add(calls);
scaleOut.Options.Add(redis);
scaleOut.SetAction((parse, ct) => ScaleOutCommand.RunAsync(parse.GetValue(workers), parse.GetValue(calls), parse.GetValue(redis), ct));
root.Subcommands.Add(scaleOut);

// The worker side of scale-out (started by it, and by the ScaleOut tests); not for direct use.
var instances = new Option<int>("--instances") { DefaultValueFactory = _ => 1 };
var workerRedis = new Option<string>("--redis") { Required = true };
var workerVendor = new Option<string>("--vendor") { DefaultValueFactory = _ => "building-x" };
var worker = new Command("scale-out-worker", "One worker process of scale-out (internal).") { Hidden = true };
worker.Options.Add(workerVendor);
worker.Options.Add(workerRedis);
worker.Options.Add(instances);
var concurrency = new Option<int>("--concurrency") { DefaultValueFactory = _ => 4 };
var interval = new Option<int>("--interval-ms") { DefaultValueFactory = _ => 0 };
worker.Options.Add(calls);
worker.Options.Add(concurrency);
worker.Options.Add(interval);
worker.SetAction((parse, ct) => ScaleOutWorker.RunAsync(
    configuration, parse.GetValue(workerVendor)!, parse.GetValue(workerRedis)!, parse.GetValue(instances), parse.GetValue(calls), parse.GetValue(concurrency), TimeSpan.FromMilliseconds(parse.GetValue(interval)), ct));
root.Subcommands.Add(worker);

root.SetAction((parse, ct) => RunAsync(ScenarioCatalog.All, parse, ct));
return await root.Parse(args).InvokeAsync();

async Task<int> RunAsync(IReadOnlyList<IScenario> scenarios, ParseResult parse, CancellationToken cancellationToken)
{
    using var recorder = parse.GetValue(telemetry) ? new TelemetryRecorder() : null;
    var run = new ScenarioRun(configuration, parse.GetValue(write));
    foreach (var scenario in scenarios)
    {
        AnsiConsole.Write(new Rule($"[bold]{scenario.Name}[/]").LeftJustified());
        try
        {
            await scenario.RunAsync(run, cancellationToken);
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

async Task<int> ServeAsync(string vendor, FileInfo file, int lifetimeSeconds, CancellationToken invocationToken)
{
    // The emulators' ASP.NET Core hosts claim SIGTERM/SIGINT for themselves; stop the whole command on either signal too.
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(invocationToken);
    using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stop.Cancel());
    using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => stop.Cancel());
    var cancellationToken = stop.Token;
    var served = new List<(IScenario Scenario, ServedEmulator Emulator)>();
    try
    {
        foreach (var scenario in ScenarioCatalog.All.Where(s => vendor == "all" || s.Name == vendor))
        {
            served.Add((scenario, await scenario.ServeAsync(cancellationToken)));
        }

        var lines = served.SelectMany(s => s.Emulator.Settings).Select(kv => $"{kv.Key}={EnvFileValue(kv.Value)}").ToList();

        // Written to a temporary name and moved, so a reader never sees half a file.
        var temporary = file.FullName + ".tmp";
        await File.WriteAllLinesAsync(temporary, lines, cancellationToken);
        File.Move(temporary, file.FullName, overwrite: true);
        foreach (var (scenario, emulator) in served)
        {
            Console.WriteLine($"{scenario.Name} emulator listening: {string.Join(" ", emulator.Settings.Where(kv => kv.Key.EndsWith("Url", StringComparison.Ordinal)).Select(kv => kv.Value))}");
        }

        Console.WriteLine(lifetimeSeconds > 0
            ? $"Settings in {file.FullName}; stopping after {lifetimeSeconds.ToString(CultureInfo.InvariantCulture)} s."
            : $"Settings in {file.FullName}; stop with Ctrl+C.");
        try
        {
            await Task.Delay(lifetimeSeconds > 0 ? TimeSpan.FromSeconds(lifetimeSeconds) : Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop quietly.
        }

        foreach (var (scenario, emulator) in served)
        {
            Console.WriteLine($"{scenario.Name} emulator stopping after {emulator.RequestCount().ToString(CultureInfo.InvariantCulture)} requests.");
        }

        return 0;
    }
    finally
    {
        foreach (var (_, emulator) in served)
        {
            await emulator.Emulator.DisposeAsync();
        }
    }
}

// A value with anything but letters, digits and URL punctuation is single-quoted, so `set -a; . file` reads it whole.
static string EnvFileValue(string value) =>
    value.All(c => char.IsAsciiLetterOrDigit(c) || "-_.:/@%+,=".Contains(c, StringComparison.Ordinal))
        ? value
        : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
