using System.Text;
using BenchmarkDotNet.Attributes;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Benchmarks.Ratios;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Testing.ITwinIoT;

namespace DigitalTwin.Sdk.Benchmarks.Suites;

/// <summary>Ratio 3: a burst of 64 concurrent getSensors on one socket, SDK vs raw ClientWebSocket loop.</summary>
[MemoryDiagnoser]
public class JsonRpcBenchmarks
{
    private ITwinIoTEmulator? _emulator;
    private ITwinIoTSocketClient? _sdk;
    private RawWebSocketRpc? _raw;
    private byte[][] _rawBurst = [];

    /// <summary>Starts the emulator and connects both clients.</summary>
    /// <returns>A task.</returns>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { RequestLogCapacity = 100 });
        _sdk = new ITwinIoTSocketClient(JsonRpcRatios.SocketOptions(_emulator));
        await _sdk.ConnectAsync();
        _raw = await RawWebSocketRpc.ConnectAsync(_emulator.WebSocketUri, _emulator.ApiKey);
        _rawBurst = [.. Enumerable.Range(0, JsonRpcRatios.Concurrency).Select(i => Encoding.UTF8.GetBytes(
            "{\"jsonrpc\":\"2.0\",\"id\":" + (i + 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"method\":\"getSensors\",\"params\":{\"sensors\":[\"" + JsonRpcRatios.SensorIds[i % JsonRpcRatios.SensorIds.Length] + "\"]}}"))];
    }

    /// <summary>Disconnects and stops the emulator.</summary>
    /// <returns>A task.</returns>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_raw is not null)
        {
            await _raw.DisposeAsync();
        }

        if (_sdk is not null)
        {
            await _sdk.DisposeAsync();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>The raw loop.</summary>
    /// <returns>Bytes received.</returns>
    [Benchmark(Baseline = true)]
    public Task<long> Raw() => _raw!.ExchangeAsync(_rawBurst);

    /// <summary>The SDK burst.</summary>
    /// <returns>A task.</returns>
    [Benchmark]
    public Task Sdk()
    {
        var calls = new Task[JsonRpcRatios.Concurrency];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = _sdk!.GetSensorsAsync([JsonRpcRatios.SensorIds[i % JsonRpcRatios.SensorIds.Length]]);
        }

        return Task.WhenAll(calls);
    }
}
