using DigitalTwin.Sdk.Samples.Scenarios;
using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.Testing.Tandem;

namespace DigitalTwin.Sdk.Samples.ScaleOut;

/// <summary>
/// N worker processes on one Building X credential against one emulator, sharing the quota over Redis; the emulator
/// counts what arrived and what it answered 429.
/// </summary>
internal static class ScaleOutRun
{
    /// <summary>Starts the workers; each runs <paramref name="calls"/> Building X reads, 4 at a time.</summary>
    public static List<WorkerProcess> StartWorkers(BuildingXEmulator emulator, string redis, int workers, int calls) =>
        Start("building-x", BuildingXScenario.EmulatorSettings(emulator), redis, workers, calls);

    /// <summary>Starts the workers; each sends <paramref name="calls"/> stream ingests to the emulator's default model.</summary>
    public static List<WorkerProcess> StartWorkers(TandemEmulator emulator, string redis, int workers, int calls) =>
        Start(
            "tandem",
            [.. TandemScenario.EmulatorSettings(emulator), KeyValuePair.Create("ScaleOut__TandemModel", emulator.DefaultModelId), KeyValuePair.Create("ScaleOut__TandemStream", emulator.StreamFullKeys[0])],
            redis,
            workers,
            calls);

    private static List<WorkerProcess> Start(string vendor, IReadOnlyList<KeyValuePair<string, string>> settings, string redis, int workers, int calls)
    {
        var (program, prefix) = WorkerProcess.Self();
        var count = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(0, workers).Select(i => WorkerProcess.Start(
            i,
            program,
            [.. prefix, "scale-out-worker", "--vendor", vendor, "--redis", redis, "--instances", count, "--calls", calls.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            settings))];
    }

    /// <summary>The ingest rate at the emulator: ingest requests over the time between the first and the last one.</summary>
    public static (int Requests, double PerSecond) IngestRate(TandemEmulator emulator) =>
        Rate(emulator.Requests.Snapshot().Where(r => r.Method == "POST" && r.Path.Contains("/timeseries/models/", StringComparison.Ordinal)).Select(r => r.ReceivedAt));

    /// <summary>The aggregate rate at the emulator: API requests over the time between the first and the last one.</summary>
    public static (int Requests, double PerSecond) ArrivalRate(BuildingXEmulator emulator) =>
        Rate(emulator.Requests.ForPath(emulator.ApiBaseUri.AbsolutePath.TrimEnd('/')).Select(r => r.ReceivedAt));

    private static (int Requests, double PerSecond) Rate(IEnumerable<DateTimeOffset> arrivals)
    {
        var api = arrivals.Order().ToList();
        if (api.Count < 2)
        {
            return (api.Count, 0);
        }

        var span = (api[^1] - api[0]).TotalSeconds;
        return (api.Count, span > 0 ? (api.Count - 1) / span : 0);
    }
}
