using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DigitalTwin.Sdk.Benchmarks.Ratios;

namespace DigitalTwin.Sdk.Benchmarks.Suites;

/// <summary>Ratio 6: 200 Building X requests against a 10 req/s emulator (about 20 s per operation).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class RateLimitBenchmarks
{
    /// <summary>Sends the 200 requests; fails when any was answered 429.</summary>
    /// <returns>The achieved rate.</returns>
    [Benchmark]
    public async Task<double> TwoHundredRequests()
    {
        var results = await RateLimitRatios.MeasureAsync();
        return results.All(r => r.Pass) ? results[1].Measured : throw new InvalidOperationException(string.Join("; ", results.Select(r => r.ToLine())));
    }
}
