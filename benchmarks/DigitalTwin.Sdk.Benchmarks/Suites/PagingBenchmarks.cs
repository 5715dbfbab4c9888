using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Benchmarks.Ratios;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Benchmarks.Suites;

/// <summary>Ratio 2: walking 100,000 assets in pages of 1,000 with 20 ms latency per page.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class PagingBenchmarks
{
    private LifecycleTwinEmulator? _emulator;
    private HttpClient? _rawHttp;
    private RawLifecycleTwinClient? _raw;
    private LifecycleTwinClient? _prefetch;
    private LifecycleTwinClient? _sequential;

    /// <summary>Starts the emulator with 100,000 assets and 20 ms latency.</summary>
    /// <returns>A task.</returns>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = PagingRatios.AssetCount });
        _rawHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        _raw = await LifecycleTwinSetup.RawAsync(_rawHttp, _emulator.BaseUri, _emulator.ProjectId);
        _prefetch = new LifecycleTwinClient(LifecycleTwinSetup.Options(_emulator.BaseUri, _emulator.ProjectId, PagingRatios.PageSize, prefetch: true));
        _sequential = new LifecycleTwinClient(LifecycleTwinSetup.Options(_emulator.BaseUri, _emulator.ProjectId, PagingRatios.PageSize, prefetch: false));
        await PagingRatios.NaiveWalkAsync(_raw, 3);
        _emulator.ResponseLatency = PagingRatios.Latency;
    }

    /// <summary>Stops the emulator.</summary>
    /// <returns>A task.</returns>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _rawHttp?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>The naive hand-written loop.</summary>
    /// <returns>Assets seen.</returns>
    [Benchmark(Baseline = true)]
    public Task<long> NaiveLoop() => PagingRatios.NaiveWalkAsync(_raw!, int.MaxValue);

    /// <summary>The SDK pageable without prefetch.</summary>
    /// <returns>Assets seen.</returns>
    [Benchmark]
    public Task<long> SdkSequential() => PagingRatios.SdkWalkAsync(_sequential!, int.MaxValue);

    /// <summary>The SDK pageable with prefetch.</summary>
    /// <returns>Assets seen.</returns>
    [Benchmark]
    public Task<long> SdkPrefetch() => PagingRatios.SdkWalkAsync(_prefetch!, int.MaxValue);
}
