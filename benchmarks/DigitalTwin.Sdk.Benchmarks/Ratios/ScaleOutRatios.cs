using System.Diagnostics;
using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Redis;
using DigitalTwin.Sdk.Samples.ScaleOut;
using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.Testing.Redis;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Scale-out over Redis (issue 16), against a real redis-server on this machine: what a permit and a cached token
/// cost through Redis next to the in-process ones, and 16 worker processes on one Building X credential at its
/// 10 requests/s quota.
/// </summary>
public static class ScaleOutRatios
{
    /// <summary>Measures <c>redis_acquire_us</c>, <c>shared_token_hit_ratio</c>, <c>scaleout_16_rate</c> and <c>scaleout_16_429s</c>.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        await using var server = await RedisServer.StartAsync().ConfigureAwait(false);
        var options = new RedisScaleOutOptions { Configuration = server.Configuration, OperationTimeout = TimeSpan.FromSeconds(5) };

        // A permit from a quota that never runs out: the cost of the round trip and the script, against the local kind.
        await using var factory = new RedisRateLimiterFactory(options);
        await factory.ConnectAsync().ConfigureAwait(false);
        var quota = new RateLimitQuota("bench|" + Guid.NewGuid(), RateLimitKind.TokenBucket, 1_000_000, TimeSpan.FromSeconds(1)) { Burst = 1_000_000 };
        using var shared = factory.Create(quota, TimeProvider.System);
        using var local = InProcessRateLimiterFactory.Instance.Create(quota, TimeProvider.System);
        await AcquireLoopAsync(shared, 500).ConfigureAwait(false);
        await AcquireLoopAsync(local, 500).ConfigureAwait(false);
        var sharedUs = new List<double>();
        var localUs = new List<double>();
        for (var round = 0; round < 15; round++)
        {
            sharedUs.Add(await AcquireLoopAsync(shared, 400).ConfigureAwait(false) * 1e6 / 400);
            localUs.Add(await AcquireLoopAsync(local, 400).ConfigureAwait(false) * 1e6 / 400);
        }

        // A cached token over the shared store: the TokenCache answers without asking the store.
        await using var store = new RedisTokenStore(options);
        var sharedCache = new TokenCache(new SharedTokenSource(new TokenRatios.FixedTokenSource(), store, SharedTokenSource.KeyFor("Bench", Guid.NewGuid().ToString())));
        var localCache = new TokenCache(new TokenRatios.FixedTokenSource());
        await sharedCache.GetTokenAsync(CancellationToken.None).ConfigureAwait(false);
        await localCache.GetTokenAsync(CancellationToken.None).ConfigureAwait(false);
        var (hit, sharedNs, localNs) = await Stats.PairedMedianAsync(101, () => Task.FromResult(HitLoop(sharedCache, 20_000)), () => Task.FromResult(HitLoop(localCache, 20_000))).ConfigureAwait(false);

        // 16 worker processes, 25 reads each, at Building X's 10 requests/s per client.
        await using var emulator = await BuildingXEmulator.StartAsync().ConfigureAwait(false);
        var workers = ScaleOutRun.StartWorkers(emulator, server.Configuration, workers: 16, calls: 25);
        try
        {
            await Task.WhenAll(workers.Select(w => w.WaitForExitAsync(CancellationToken.None))).WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }

        var (requests, rate) = ScaleOutRun.ArrivalRate(emulator);
        var failed = workers.Sum(w => 25 - w.Ok);
        return
        [
            new RatioResult("redis_acquire_us", Math.Round(Stats.Median(sharedUs), 1), "<=", 500, $"one permit through Redis (script round trip on loopback): median {Stats.Median(sharedUs):0.0} us, in-process {Stats.Median(localUs) * 1000:0} ns ({Stats.Median(sharedUs) / Stats.Median(localUs):0} x); 15 rounds of 400"),
            new RatioResult("shared_token_hit_ratio", hit, "<=", 1.2, $"cached token with a Redis token store behind it vs none: {sharedNs / 20_000 * 1e9:0.0} vs {localNs / 20_000 * 1e9:0.0} ns per call (a hit never asks the store); median of 101 interleaved rounds of 20,000"),
            // A run that left calls undone has no valid rate.
            new RatioResult("scaleout_16_rate", failed > 0 ? 0 : Math.Round(rate, 2), ">=", 9.0, $"16 processes x 25 Building X reads on one credential, quota 10/s: {requests} requests at the emulator, {workers.Sum(w => w.Ok)} ok, {failed} not done, {emulator.TokensIssued} token(s) issued"),
            new RatioResult("scaleout_16_429s", emulator.RateLimitedCount, "=", 0, "429 answers of the emulator during the 16-process run"),
        ];
    }

    private static async Task<double> AcquireLoopAsync(RateLimiter limiter, int count)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            using var lease = await limiter.AcquireAsync().ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException("The benchmark quota ran out.");
            }
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static double HitLoop(TokenCache cache, int count)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            _ = cache.GetTokenAsync(CancellationToken.None).Result;
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
