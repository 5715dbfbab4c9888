using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Benchmarks.Ratios;

namespace DigitalTwin.Sdk.Benchmarks.Suites;

/// <summary>Ratio 4: 1,000,000 getData points from recorded frames, SDK stream vs raw Utf8JsonReader pass.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class GetDataBenchmarks
{
    private List<byte[]> _frames = [];

    /// <summary>Records the frames from the emulator.</summary>
    /// <returns>A task.</returns>
    [GlobalSetup]
    public async Task SetupAsync() => _frames = await GetDataRatios.RecordAsync();

    /// <summary>The raw reader pass.</summary>
    /// <returns>Points read.</returns>
    [Benchmark(Baseline = true)]
    public long RawReader() => RawObservationReader.Read(_frames).Points;

    /// <summary>The SDK stream.</summary>
    /// <returns>Seconds (ignored).</returns>
    [Benchmark]
    public async Task<double> SdkStream() => (await GetDataRatios.StreamAsync(_frames)).Seconds;
}
