using DigitalTwin.Sdk.Samples.ScaleOut;
using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.Testing.Tandem;
using DigitalTwin.Sdk.Testing.Redis;
using Xunit.Abstractions;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Redis.Tests;

/// <summary>
/// Separate worker processes (the samples' <c>scale-out-worker</c>, each its own DI container) on one Building X
/// credential, one Tandem model or one three-legged APS session against the emulators, sharing the quota and the token
/// over a real Redis.
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
    public async Task FourProcesses_OneThreeLeggedSession_ThreeTokenExpiries_ExactlyOneRefreshEach_NoInvalidGrant()
    {
        // Access tokens live 4 s; each worker reads the twin for about 13 s (2 lanes, 0.5 s apart), so the session's
        // token expires at least three times while the four processes use it. The session is seeded once, by a sign-in
        // in this process, encrypted in Redis; the workers only name it.
        var lifetime = TimeSpan.FromSeconds(4);
        await using var emulator = await TandemEmulator.StartAsync(new TandemEmulatorOptions { AccessTokenLifetime = lifetime });
        var session = "scale-out-user-" + Guid.NewGuid().ToString("N")[..8];
        var tokenKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await ScaleOutRun.SeedThreeLeggedSessionAsync(emulator, redis.Server.Configuration, session, tokenKey, CancellationToken.None);
        var seeded = emulator.TokensIssued;

        var workers = ScaleOutRun.StartThreeLeggedWorkers(emulator, redis.Server.Configuration, session, tokenKey, workers: 4, calls: 52, interval: TimeSpan.FromMilliseconds(500));
        await RunToEndAsync(workers, () => ThreeLeggedSummary(emulator, lifetime));

        AssertEveryCallDone(workers, 52);
        var (refreshes, tokensUsed, gaps) = ThreeLeggedCounts(emulator);
        Assert.Equal(1, seeded);
        Assert.Equal(0, emulator.RefreshGrantsRefused);
        Assert.Empty(emulator.Requests.ForPath("/authentication/v2/token").Where(r => r.Body.Contains("grant_type=authorization_code", StringComparison.Ordinal)).Skip(1));
        Assert.True(refreshes.Count >= 3, $"{refreshes.Count} refreshes: the run did not span three expiries");
        Assert.Equal(refreshes.Count, emulator.RefreshGrants);

        // One refresh per expiry: consecutive refreshes are about a token lifetime apart (never two for one token), and
        // the API saw the sign-in's token and the refreshes' (the last refresh ahead of expiry may have come after the
        // workers' last call).
        Assert.All(gaps, gap => Assert.True(gap >= lifetime / 2 && gap <= lifetime + TimeSpan.FromSeconds(2), $"refreshes {gap.TotalSeconds:0.00} s apart"));
        Assert.InRange(tokensUsed, refreshes.Count, refreshes.Count + 1);
        Assert.Equal(1 + refreshes.Count, emulator.TokensIssued);
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

        // The fallback is logged once per outage, not per call: each worker's standard error has at most one entry of it.
        var fallbacks = workers.Select(w => w.Errors.Count(e => e.Contains("Redis is unreachable", StringComparison.Ordinal))).ToList();
        output.WriteLine($"fallback log entries per worker: {string.Join(", ", fallbacks)}; recoveries: {string.Join(", ", workers.Select(w => w.Errors.Count(e => e.Contains("Redis answers again", StringComparison.Ordinal))))}");
        Assert.Contains(fallbacks, n => n == 1);
        Assert.All(fallbacks, n => Assert.InRange(n, 0, 1));
    }

    private static void AssertEveryCallDone(IEnumerable<WorkerProcess> workers, int calls) =>
        Assert.All(workers, w => Assert.True(w.ExitCode == 0 && w.Ok == calls, $"worker {w.Index}: exit {w.ExitCode}, {w.Ok} ok, {w.Failed} failed; {string.Join(" | ", w.Errors.Take(3))}"));

    /// <summary>The refresh_token grants at the emulator (in order), how many access tokens the API saw, and the gaps between refreshes.</summary>
    private static (List<DateTimeOffset> Refreshes, int TokensUsed, List<TimeSpan> Gaps) ThreeLeggedCounts(TandemEmulator emulator)
    {
        var refreshes = emulator.Requests.ForPath("/authentication/v2/token")
            .Where(r => r.Body.Contains("grant_type=refresh_token", StringComparison.Ordinal))
            .Select(r => r.ReceivedAt)
            .Order()
            .ToList();
        var tokensUsed = emulator.Requests.ForPath("/tandem/v1").Select(r => r.Header("Authorization")).Distinct(StringComparer.Ordinal).Count();
        return (refreshes, tokensUsed, [.. refreshes.Zip(refreshes.Skip(1), (a, b) => b - a)]);
    }

    private static string ThreeLeggedSummary(TandemEmulator emulator, TimeSpan lifetime)
    {
        var (refreshes, tokensUsed, gaps) = ThreeLeggedCounts(emulator);
        var api = emulator.Requests.ForPath("/tandem/v1").Select(r => r.ReceivedAt).Order().ToList();
        var span = api.Count > 1 ? (api[^1] - api[0]).TotalSeconds : 0;
        return $"emulator: {api.Count} API requests over {span:0.0} s ({span / lifetime.TotalSeconds:0.0} token lifetimes of {lifetime.TotalSeconds:0} s), "
            + $"{refreshes.Count} refresh_token grants ({emulator.RefreshGrants} granted, {emulator.RefreshGrantsRefused} invalid_grant), "
            + $"refreshes {string.Join(", ", gaps.Select(g => g.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} s apart, "
            + $"{tokensUsed} access tokens used, {emulator.TokensIssued} tokens issued";
    }

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
