using DigitalTwin.Sdk.Samples.ScaleOut;
using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.Testing.Tandem;
using DigitalTwin.Sdk.Testing.Redis;
using Xunit.Abstractions;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Redis.Tests;

/// <summary>
/// Separate worker processes (the samples' <c>scale-out-worker</c>, each its own DI container) on one Building X
/// credential against the emulator, sharing the quota and the token over a real Redis.
/// </summary>
[Trait("Category", "ScaleOut")]
[Collection(RedisCollection.Name)]
public sealed class ScaleOutTests(RedisFixture redis, ITestOutputHelper output)
{
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task FourProcesses_200CallsEach_OneCredential_No429_AtLeast9RequestsPerSecond()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        var workers = ScaleOutRun.StartWorkers(emulator, redis.Server.Configuration, workers: 4, calls: 200);
        await RunToEndAsync(workers, () => Summary(emulator));

        var (requests, rate) = ScaleOutRun.ArrivalRate(emulator);
        AssertEveryCallDone(workers, 200);
        Assert.Equal(0, emulator.RateLimitedCount);

        // Every call reached the emulator; a request more would be the SDK's retry of a failed attempt (none is
        // expected on loopback, but a retry is not what this test is about: the 429s above are).
        Assert.True(requests >= 800, $"{requests} API requests at the emulator for 800 calls");
        Assert.True(rate >= 9.0, $"aggregate {rate:0.00} requests/s at the emulator ({requests} requests)");
        Assert.Equal(1, emulator.TokensIssued);
    }

    [Fact]
    public async Task FourProcesses_IngestingToOneTandemModel_No429_AtLeast09RequestsPerSecond()
    {
        await using var emulator = await TandemEmulator.StartAsync();
        var workers = ScaleOutRun.StartWorkers(emulator, redis.Server.Configuration, workers: 4, calls: 5);
        await RunToEndAsync(workers, () =>
        {
            var (sent, perSecond) = ScaleOutRun.IngestRate(emulator);
            return $"emulator: {sent} ingests, {perSecond:0.00} per second, {emulator.IngestRateLimitedCount} x 429, {emulator.TokensIssued} token(s)";
        });

        var (requests, rate) = ScaleOutRun.IngestRate(emulator);
        AssertEveryCallDone(workers, 5);
        Assert.Equal(0, emulator.IngestRateLimitedCount);
        Assert.True(requests >= 20, $"{requests} ingests at the emulator for 20 calls");
        Assert.True(rate >= 0.9, $"{rate:0.00} ingests per second at the emulator");
        Assert.Equal(1, emulator.TokensIssued);
    }

    [Fact]
    public async Task RedisKilledAndRestartedMidRun_EveryCallCompletes_NoneHangs()
    {
        await using var server = await RedisServer.StartAsync();
        await using var emulator = await BuildingXEmulator.StartAsync();
        var workers = ScaleOutRun.StartWorkers(emulator, server.Configuration, workers: 4, calls: 40);
        await RunToEndAsync(workers, () => Summary(emulator), during: async () =>
        {
            await WaitUntilAsync(() => workers.Sum(w => w.Ok) >= 30, RunBound, "30 calls before the outage");
            server.Kill();
            var atKill = workers.Sum(w => w.Ok);
            await WaitUntilAsync(() => workers.Sum(w => w.Ok) >= atKill + 30 || workers.All(w => w.HasExited), RunBound, "30 calls during the outage");
            await server.RestartAsync();
            output.WriteLine($"Redis killed after {atKill} calls, restarted after {workers.Sum(w => w.Ok)}");
        });

        AssertEveryCallDone(workers, 40);
    }

    private static void AssertEveryCallDone(IEnumerable<WorkerProcess> workers, int calls) =>
        Assert.All(workers, w => Assert.True(w.ExitCode == 0 && w.Ok == calls, $"worker {w.Index}: exit {w.ExitCode}, {w.Ok} ok, {w.Failed} failed; {string.Join(" | ", w.Errors.Take(3))}"));

    private static string Summary(BuildingXEmulator emulator)
    {
        var (requests, rate) = ScaleOutRun.ArrivalRate(emulator);
        return $"emulator: {requests} API requests, {rate:0.00} requests/s, {emulator.RateLimitedCount} x 429, {emulator.TokensIssued} token(s)";
    }

    /// <summary>Runs <paramref name="during"/> (if any) while the workers work, waits until all exit, then reports each
    /// worker and the emulator's <paramref name="summary"/> and stops any worker still running.</summary>
    private async Task RunToEndAsync(List<WorkerProcess> workers, Func<string> summary, Func<Task>? during = null)
    {
        try
        {
            if (during is not null)
            {
                await during();
            }

            await Task.WhenAll(workers.Select(w => w.WaitForExitAsync(CancellationToken.None))).WaitAsync(RunBound);
        }
        finally
        {
            foreach (var w in workers)
            {
                output.WriteLine($"worker {w.Index}: {w.Ok} ok, {w.Failed} failed, {w.Seconds:0.0} s, exit {w.ExitCode}");
            }

            output.WriteLine(summary());
            workers.ForEach(w => w.Dispose());
        }
    }
}
