using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>Ratio 5: token requests caused by 1,000 concurrent cold callers, and the cost of the cached path.</summary>
public static class TokenRatios
{
    /// <summary>Measures <c>token_cold_requests</c> and <c>token_cached_ns</c>.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        byte[] tokenBody, assetBody;
        string assetId, projectId;
        await using (var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 10 }).ConfigureAwait(false))
        {
            (tokenBody, assetBody) = await LifecycleTwinSetup.CaptureBodiesAsync(emulator).ConfigureAwait(false);
            assetId = emulator.Assets[0].Id;
            projectId = emulator.ProjectId;
        }

        // 1,000 concurrent cold callers through the whole SDK pipeline; the token endpoint answers after 50 ms.
        var handler = new CannedResponseHandler(assetBody, tokenBody) { TokenDelay = TimeSpan.FromMilliseconds(50) };
        using var transport = new HttpClient(handler, disposeHandler: false);
        var sdk = new LifecycleTwinClient(LifecycleTwinSetup.Options(new Uri("http://127.0.0.1:9/"), projectId), transport: transport);
        using var gate = new ManualResetEventSlim(false);
        var callers = Enumerable.Range(0, 1_000).Select(_ => Task.Run(async () =>
        {
            gate.Wait();
            await sdk.Assets.GetAssetAsync(assetId).ConfigureAwait(false);
        })).ToArray();
        gate.Set();
        await Task.WhenAll(callers).ConfigureAwait(false);
        var cold = handler.TokenRequests;

        // Cached path: TokenCache.GetTokenAsync with a fresh token, per call.
        var cache = new TokenCache(new FixedTokenSource());
        await cache.GetTokenAsync(CancellationToken.None).ConfigureAwait(false);
        const int Calls = 20_000;
        for (var i = 0; i < 50; i++)
        {
            CachedLoop(cache, Calls);
        }

        var samples = new List<double>();
        for (var i = 0; i < 201; i++)
        {
            samples.Add(CachedLoop(cache, Calls) * 1e9 / Calls);
        }

        var cachedNs = Stats.Median(samples);
        return
        [
            new RatioResult("token_cold_requests", cold, "=", 1, $"1,000 concurrent cold GETs through the Lifecycle Twin client, token endpoint answering after 50 ms: {cold} token request(s), {handler.ApiRequests} API requests"),
            new RatioResult("token_cached_ns", Math.Round(cachedNs, 1), "<", 100, $"TokenCache.GetTokenAsync on a fresh token: {(ThreadCpuClock.IsThreadCpuTime ? "thread CPU time" : "wall-clock time")}, median of 201 rounds of 20,000 calls (min {samples.Min():0.0} ns, max {samples.Max():0.0} ns)"),
        ];
    }

    /// <summary>Calls the cached path <paramref name="calls"/> times.</summary>
    /// <param name="cache">A warm cache.</param>
    /// <param name="calls">Number of calls.</param>
    /// <returns>Elapsed seconds of thread CPU time.</returns>
    public static double CachedLoop(TokenCache cache, int calls)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var started = ThreadCpuClock.Now();
        for (var i = 0; i < calls; i++)
        {
            var pending = cache.GetTokenAsync(CancellationToken.None);
            if (!pending.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("The cached path did not complete synchronously.");
            }

            _ = pending.Result;
        }

        return ThreadCpuClock.Now() - started;
    }

    /// <summary>A token source handing out a token valid for an hour.</summary>
    public sealed class FixedTokenSource : ITokenSource
    {
        private int _calls;

        /// <summary>Gets how many tokens were acquired.</summary>
        public int Calls => Volatile.Read(ref _calls);

        /// <inheritdoc />
        public ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var now = DateTimeOffset.UtcNow;
            return new ValueTask<AccessToken>(new AccessToken("benchmark-token", now.AddHours(1), now));
        }
    }
}
