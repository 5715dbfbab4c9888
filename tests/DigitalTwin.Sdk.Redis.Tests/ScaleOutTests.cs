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
        try
        {
            await Task.WhenAll(workers.Select(w => w.WaitForExitAsync(CancellationToken.None))).WaitAsync(RunBound);
        }
        finally
        {
            Report(workers, emulator);
            workers.ForEach(w => w.Dispose());
        }

        var (requests, rate) = ScaleOutRun.ArrivalRate(emulator);
        Assert.All(workers, w => Assert.True(w.ExitCode == 0 && w.Ok == 200, $"worker {w.Index}: exit {w.ExitCode}, {w.Ok} ok, {w.Failed} failed; {string.Join(" | ", w.Errors.Take(3))}"));
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
        try
        {
            await Task.WhenAll(workers.Select(w => w.WaitForExitAsync(CancellationToken.None))).WaitAsync(RunBound);
        }
        finally
        {
            foreach (var w in workers)
            {
                output.WriteLine($"worker {w.Index}: {w.Ok} ok, {w.Failed} failed, {w.Seconds:0.0} s, exit {(w.HasExited ? w.ExitCode : -1)}");
            }

            var (sent, perSecond) = ScaleOutRun.IngestRate(emulator);
            output.WriteLine($"emulator: {sent} ingests, {perSecond:0.00} per second, {emulator.IngestRateLimitedCount} x 429, {emulator.TokensIssued} token(s)");
            workers.ForEach(w => w.Dispose());
        }

        var (requests, rate) = ScaleOutRun.IngestRate(emulator);
        Assert.All(workers, w => Assert.True(w.ExitCode == 0 && w.Ok == 5, $"worker {w.Index}: exit {w.ExitCode}, {w.Ok} ok, {w.Failed} failed; {string.Join(" | ", w.Errors.Take(3))}"));
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
        try
        {
            await WaitUntilAsync(() => workers.Sum(w => w.Ok) >= 30, RunBound, "30 calls before the outage");
            server.Kill();
            var atKill = workers.Sum(w => w.Ok);
            await WaitUntilAsync(() => workers.Sum(w => w.Ok) >= atKill + 30 || workers.All(w => w.HasExited), RunBound, "30 calls during the outage");
            await server.RestartAsync();
            output.WriteLine($"Redis killed after {atKill} calls, restarted after {workers.Sum(w => w.Ok)}");
            await Task.WhenAll(workers.Select(w => w.WaitForExitAsync(CancellationToken.None))).WaitAsync(RunBound);
        }
        finally
        {
            Report(workers, emulator);
            workers.ForEach(w => w.Dispose());
        }

        Assert.All(workers, w => Assert.True(w.ExitCode == 0 && w.Ok == 40, $"worker {w.Index}: exit {w.ExitCode}, {w.Ok} ok, {w.Failed} failed; {string.Join(" | ", w.Errors.Take(3))}"));
    }

    private void Report(IEnumerable<WorkerProcess> workers, BuildingXEmulator emulator)
    {
        foreach (var w in workers)
        {
            output.WriteLine($"worker {w.Index}: {w.Ok} ok, {w.Failed} failed, {w.Seconds:0.0} s, exit {(w.HasExited ? w.ExitCode : -1)}");
        }

        var (requests, rate) = ScaleOutRun.ArrivalRate(emulator);
        output.WriteLine($"emulator: {requests} API requests, {rate:0.00} requests/s, {emulator.RateLimitedCount} x 429, {emulator.TokensIssued} token(s)");
    }
}
