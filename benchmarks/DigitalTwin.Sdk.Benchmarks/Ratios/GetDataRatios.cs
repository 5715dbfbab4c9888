using System.Diagnostics;
using System.Text;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Testing.ITwinIoT;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Ratio 4: streaming 1,000,000 points of <c>getData</c> through the SDK from frames recorded from the emulator
/// (replayed in memory, so only the SDK allocates) vs a raw <see cref="System.Text.Json.Utf8JsonReader"/> pass.
/// </summary>
public static class GetDataRatios
{
    /// <summary>Points streamed.</summary>
    public const int Points = 1_000_000;

    private const long StreamId = 7;

    /// <summary>Measures <c>getdata_bytes_per_point</c> and <c>getdata_vs_reader</c>.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        var frames = await RecordAsync().ConfigureAwait(false);
        var frameBytes = frames.Sum(f => (long)f.Length);

        // Warm up both.
        for (var i = 0; i < 2; i++)
        {
            RawObservationReader.Read(frames);
            await StreamAsync(frames).ConfigureAwait(false);
        }

        // Throughput is points per wall-clock second, both sides replaying the same frames from memory in one process
        // (the emulator is gone), in interleaved rounds whose median ratio is reported. Process CPU-seconds are printed
        // too, but they are not the verdict: the SDK's receive loop and consumer hand each frame across two threads, and
        // the thread pool's spin-waiting at each handoff shows up as CPU although it does no work (with
        // DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 the SDK's points per CPU-second rise by a third while its
        // wall-clock rate stays the same; docs/performance.md).
        var bytesPerPoint = new List<double>();
        var rawCpu = new List<double>();
        var sdkCpu = new List<double>();
        var (ratio, rawSeconds, sdkSeconds) = await Stats.PairedMedianAsync(
            9,
            () =>
            {
                var cpu = ProcessCpuSeconds();
                var started = Stopwatch.GetTimestamp();
                var (points, _) = RawObservationReader.Read(frames);
                var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
                rawCpu.Add(ProcessCpuSeconds() - cpu);
                return Task.FromResult(points == Points ? wall : throw new InvalidOperationException($"The raw pass read {points} points."));
            },
            async () =>
            {
                var cpu = ProcessCpuSeconds();
                var (wall, bytes) = await StreamAsync(frames).ConfigureAwait(false);
                sdkCpu.Add(ProcessCpuSeconds() - cpu);
                bytesPerPoint.Add(bytes);
                return wall;
            }).ConfigureAwait(false);

        var perPoint = Stats.Median(bytesPerPoint);
        return
        [
            new RatioResult("getdata_bytes_per_point", Math.Round(perPoint, 2), "<=", 64, $"{Points:N0} points in {frames.Count} recorded frames ({frameBytes / 1024.0 / 1024.0:0.0} MiB) replayed through ITwinIoTSocketClient.GetDataAsync; process-wide precise allocation counter, median of 9"),
            new RatioResult("getdata_vs_reader", ratio, ">=", 0.50, $"wall clock: SDK {Points / sdkSeconds / 1e6:0.00} M points/s, raw Utf8JsonReader pass (timestamp + value per point) {Points / rawSeconds / 1e6:0.00} M points/s (median of 9 interleaved rounds); per process CPU-second: SDK {Points / Stats.Median(sdkCpu) / 1e6:0.00}, raw {Points / Stats.Median(rawCpu) / 1e6:0.00} M points/s"),
        ];
    }

    private static double ProcessCpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>Records the frames of one getData request for <see cref="Points"/> points from the emulator.</summary>
    /// <returns>The frames.</returns>
    public static async Task<List<byte[]>> RecordAsync()
    {
        await using var emulator = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { PointsPerFrame = 5_000 }).ConfigureAwait(false);
        emulator.SetSeries(ITwinIoTEmulator.TiltSensorId, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(1), Points);
        await using var raw = await RawWebSocketRpc.ConnectAsync(emulator.WebSocketUri, emulator.ApiKey).ConfigureAwait(false);
        var request = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"method\":\"getData\",\"id\":" + StreamId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"params\":{\"sensor\":\"" + ITwinIoTEmulator.TiltSensorId + "\",\"metric\":\"ax\",\"unit\":\"deg\"}}");
        var frames = await raw.RecordStreamAsync(request).ConfigureAwait(false);
        var (points, _) = RawObservationReader.Read(frames);
        return points == Points ? frames : throw new InvalidOperationException($"Recorded {points} points instead of {Points}.");
    }

    /// <summary>Streams the recorded frames through the SDK.</summary>
    /// <param name="frames">Recorded frames.</param>
    /// <returns>Elapsed seconds and bytes allocated per point while streaming.</returns>
    public static async Task<(double Seconds, double BytesPerPoint)> StreamAsync(IReadOnlyList<byte[]> frames)
    {
        var options = new ITwinIoTSocketOptions
        {
            WebSocketUrl = new Uri("ws://127.0.0.1:9/"),
            ApiKey = "replay",
            KeepAliveInterval = Timeout.InfiniteTimeSpan,
            TransportFactory = _ => ValueTask.FromResult<DigitalTwin.Sdk.Core.JsonRpc.IJsonRpcTransport>(new ReplayRpcTransport(frames, StreamId)),
        };
        await using var client = new ITwinIoTSocketClient(options);
        await client.ConnectAsync().ConfigureAwait(false);
        var query = new DataQuery(ITwinIoTEmulator.TiltSensorId, "ax", "deg");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        long count = 0;
        double sum = 0;
        await foreach (var observation in client.GetDataAsync(query).ConfigureAwait(false))
        {
            sum += observation.Value;
            count++;
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        GC.KeepAlive(sum);
        return count == Points ? (seconds, (double)bytes / count) : throw new InvalidOperationException($"The SDK streamed {count} points instead of {Points}.");
    }
}
