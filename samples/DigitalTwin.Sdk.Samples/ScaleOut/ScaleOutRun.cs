using DigitalTwin.Sdk.Samples.Scenarios;
using DigitalTwin.Sdk.Testing.BuildingX;

namespace DigitalTwin.Sdk.Samples.ScaleOut;

/// <summary>
/// N worker processes on one Building X credential against one emulator, sharing the quota over Redis; the emulator
/// counts what arrived and what it answered 429.
/// </summary>
internal static class ScaleOutRun
{
    /// <summary>Starts the workers; each runs <paramref name="calls"/> reads, 4 at a time.</summary>
    public static List<WorkerProcess> StartWorkers(BuildingXEmulator emulator, string redis, int workers, int calls)
    {
        var (program, prefix) = WorkerProcess.Self();
        var settings = BuildingXScenario.EmulatorSettings(emulator);
        return [.. Enumerable.Range(0, workers).Select(i => WorkerProcess.Start(
            i,
            program,
            [.. prefix, "scale-out-worker", "--redis", redis, "--instances", workers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--calls", calls.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            settings))];
    }

    /// <summary>The aggregate rate at the emulator: API requests over the time between the first and the last one.</summary>
    public static (int Requests, double PerSecond) ArrivalRate(BuildingXEmulator emulator)
    {
        var api = emulator.Requests.ForPath(emulator.ApiBaseUri.AbsolutePath.TrimEnd('/')).Select(r => r.ReceivedAt).Order().ToList();
        if (api.Count < 2)
        {
            return (api.Count, 0);
        }

        var span = (api[^1] - api[0]).TotalSeconds;
        return (api.Count, span > 0 ? (api.Count - 1) / span : 0);
    }
}
