using BenchmarkDotNet.Attributes;
using DigitalTwin.Sdk.Benchmarks.Ratios;
using DigitalTwin.Sdk.Core.Auth;

namespace DigitalTwin.Sdk.Benchmarks.Suites;

/// <summary>Ratio 5: the token cache's cached path and a cold stampede.</summary>
[MemoryDiagnoser]
public class TokenCacheBenchmarks
{
    private TokenCache? _warm;

    /// <summary>Warms a cache.</summary>
    /// <returns>A task.</returns>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _warm = new TokenCache(new TokenRatios.FixedTokenSource());
        await _warm.GetTokenAsync(CancellationToken.None);
    }

    /// <summary>One cached-path call.</summary>
    /// <returns>The token.</returns>
    [Benchmark(Baseline = true)]
    public AccessToken Cached() => _warm!.GetTokenAsync(CancellationToken.None).Result;

    /// <summary>1,000 concurrent callers on a cold cache whose source takes 1 ms; returns the number of acquisitions (1).</summary>
    /// <returns>Acquisitions.</returns>
    [Benchmark]
    public async Task<int> ColdStampede1000()
    {
        var source = new SlowTokenSource();
        var cache = new TokenCache(source);
        var callers = new Task[1_000];
        for (var i = 0; i < callers.Length; i++)
        {
            callers[i] = cache.GetTokenAsync(CancellationToken.None).AsTask();
        }

        await Task.WhenAll(callers);
        return cache.Acquisitions;
    }

    private sealed class SlowTokenSource : ITokenSource
    {
        public async ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            return new AccessToken("benchmark-token", now.AddHours(1), now);
        }
    }
}
