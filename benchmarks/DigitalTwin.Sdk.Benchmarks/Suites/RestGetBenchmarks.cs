using BenchmarkDotNet.Attributes;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Benchmarks.Suites;

/// <summary>Ratio 1 (in memory): a typed Lifecycle Twin GET through the SDK vs the raw hand-written call, same canned answer.</summary>
[MemoryDiagnoser]
public class RestGetBenchmarks
{
    private TelemetryOn? _telemetry;
    private HttpClient? _transport;
    private LifecycleTwinClient? _sdk;
    private RawLifecycleTwinClient? _raw;
    private string _assetId = string.Empty;

    /// <summary>Captures the emulator's answers and builds both clients over the in-memory handler.</summary>
    /// <returns>A task.</returns>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 50 });
        var (token, asset) = await LifecycleTwinSetup.CaptureBodiesAsync(emulator);
        _assetId = emulator.Assets[0].Id;
        _telemetry = new TelemetryOn();
        _transport = new HttpClient(new CannedResponseHandler(asset, token));
        var canned = new Uri("http://127.0.0.1:9/");
        _sdk = new LifecycleTwinClient(LifecycleTwinSetup.Options(canned, emulator.ProjectId), transport: _transport, loggerFactory: _telemetry.LoggerFactory);
        _raw = await LifecycleTwinSetup.RawAsync(_transport, canned, emulator.ProjectId);
        await _sdk.Assets.GetAssetAsync(_assetId);
    }

    /// <summary>Disposes the listeners and transport.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _telemetry?.Dispose();
        _transport?.Dispose();
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
