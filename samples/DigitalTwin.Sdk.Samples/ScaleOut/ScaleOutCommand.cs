using System.Globalization;
using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.Testing.Redis;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.ScaleOut;

/// <summary>
/// The <c>scale-out</c> sample: starts the Building X emulator and Redis (embedded, unless <c>--redis</c> names one),
/// then N worker processes sharing one credential, and shows each worker's rate and the aggregate at the emulator as a
/// live table; at the end, how many requests the emulator answered 429 (the point: none).
/// </summary>
internal static class ScaleOutCommand
{
    public static async Task<int> RunAsync(int workers, int calls, string? redis, CancellationToken cancellationToken)
    {
        if (workers < 1 || calls < 1)
        {
            Console.Error.WriteLine("--workers and --calls must be at least 1.");
            return 2;
        }

        await using var emulator = await BuildingXEmulator.StartAsync(ct: cancellationToken);
        RedisServer? embedded = null;
        try
        {
            if (redis is null)
            {
                embedded = await RedisServer.StartAsync(cancellationToken);
                redis = embedded.Configuration;
            }

            AnsiConsole.MarkupLine($"[bold]scale-out[/]: {workers} worker processes x {calls} Building X reads, one credential, quota 10 requests/s shared over Redis ({(embedded is null ? "configured" : "embedded, port " + embedded.Port.ToString(CultureInfo.InvariantCulture))}).");
            var running = ScaleOutRun.StartWorkers(emulator, redis, workers, calls);
            try
            {
                await AnsiConsole.Live(Table(running, emulator)).StartAsync(async live =>
                {
                    while (running.Any(w => !w.HasExited))
                    {
                        live.UpdateTarget(Table(running, emulator));
                        await Task.WhenAny(Task.WhenAll(running.Select(w => w.WaitForExitAsync(cancellationToken))), Task.Delay(250, cancellationToken));
                    }

                    live.UpdateTarget(Table(running, emulator));
                });
            }
            finally
            {
                foreach (var worker in running)
                {
                    worker.Dispose();
                }
            }

            var (requests, rate) = ScaleOutRun.ArrivalRate(emulator);
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Emulator: {requests} API requests, aggregate {rate:0.00} requests/s, [bold]{emulator.RateLimitedCount} answered 429[/], {emulator.TokensIssued} token(s) issued."));
            foreach (var error in running.SelectMany(w => w.Errors).Take(10))
            {
                Console.Error.WriteLine(error);
            }

            return running.All(w => w.ExitCode == 0) && emulator.RateLimitedCount == 0 ? 0 : 1;
        }
        finally
        {
            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }
        }
    }

    private static Table Table(IReadOnlyList<WorkerProcess> workers, BuildingXEmulator emulator)
    {
        var table = new Table().AddColumns("worker", "calls done", "failed", "requests/s");
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var worker in workers)
        {
            var seconds = worker.Seconds ?? System.Diagnostics.Stopwatch.GetElapsedTime(worker.Started, now).TotalSeconds;
            table.AddRow(
                worker.Index.ToString(CultureInfo.InvariantCulture),
                worker.Ok.ToString(CultureInfo.InvariantCulture),
                worker.Failed.ToString(CultureInfo.InvariantCulture),
                (seconds > 0 ? worker.Ok / seconds : 0).ToString("0.00", CultureInfo.InvariantCulture));
        }

        var (requests, rate) = ScaleOutRun.ArrivalRate(emulator);
        table.AddRow("[bold]all (at the emulator)[/]", requests.ToString(CultureInfo.InvariantCulture), emulator.RateLimitedCount.ToString(CultureInfo.InvariantCulture) + " x 429", rate.ToString("0.00", CultureInfo.InvariantCulture));
        return table;
    }
}
