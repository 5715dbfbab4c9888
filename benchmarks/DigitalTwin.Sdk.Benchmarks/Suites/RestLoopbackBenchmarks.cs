using BenchmarkDotNet.Attributes;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Benchmarks.Suites;

/// <summary>Ratio 1 (loopback): the same GET pair against the Lifecycle Twin emulator over a real socket.</summary>
[MemoryDiagnoser]
public class RestLoopbackBenchmarks
{
    private LifecycleTwinEmulator? _emulator;
    private HttpClient? _rawHttp;
    private LifecycleTwinClient? _sdk;
    private RawLifecycleTwinClient? _raw;
    private string _assetId = string.Empty;

    /// <summary>Starts the emulator and both clients.</summary>
    /// <returns>A task.</returns>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 50 });
        _assetId = _emulator.Assets[0].Id;
        _sdk = new LifecycleTwinClient(LifecycleTwinSetup.Options(_emulator.BaseUri, _emulator.ProjectId));
        _rawHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        _raw = await LifecycleTwinSetup.RawAsync(_rawHttp, _emulator.BaseUri, _emulator.ProjectId);
        await _sdk.Assets.GetAssetAsync(_assetId);
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

    /// <summary>The raw baseline.</summary>
    /// <returns>The asset.</returns>
    [Benchmark(Baseline = true)]
    public Task<RawAsset> Raw() => _raw!.GetAssetAsync(_assetId);

    /// <summary>The SDK call.</summary>
    /// <returns>The asset.</returns>
    [Benchmark]
    public Task<Asset> Sdk() => _sdk!.Assets.GetAssetAsync(_assetId);
}
