using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Testing.ITwinIoT;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Ratio 3: 64 concurrent <c>getSensors</c> calls over one SDK socket vs a raw <see cref="System.Net.WebSockets.ClientWebSocket"/>
/// loop sending the same request bytes (captured from the SDK) to the same emulator.
/// </summary>
public static partial class JsonRpcRatios
{
    private const string IdPlaceholder = "__ID__";

    /// <summary>Concurrent calls per burst.</summary>
    public const int Concurrency = 64;

    /// <summary>Sensors asked for, in turn.</summary>
    public static readonly string[] SensorIds =
    [
        ITwinIoTEmulator.TiltSensorId,
        "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt1/sensor",
        "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt2/sensor",
        "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt3/sensor",
        ITwinIoTEmulator.TrollSensorId,
    ];

    /// <summary>Measures <c>jsonrpc_throughput</c>.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        await using var emulator = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { RequestLogCapacity = 1_000 }).ConfigureAwait(false);
        await using var sdk = new ITwinIoTSocketClient(SocketOptions(emulator));
        await sdk.ConnectAsync().ConfigureAwait(false);

        // Capture the exact request text the SDK sends for each sensor; the raw loop sends the same bytes.
        var templates = new List<string>();
        foreach (var id in SensorIds)
        {
            await sdk.GetSensorsAsync([id]).ConfigureAwait(false);
            var sent = emulator.Requests.Snapshot().Last(r => r.Method == "getSensors").Body;
            templates.Add(IdPattern().Replace(sent, "\"id\":" + IdPlaceholder, 1));
        }

        await using var raw = await RawWebSocketRpc.ConnectAsync(emulator.WebSocketUri, emulator.ApiKey).ConfigureAwait(false);
        var nextRawId = 1_000_000L;
        List<byte[]> RawBurst() =>
            [.. Enumerable.Range(0, Concurrency).Select(i => Encoding.UTF8.GetBytes(templates[i % templates.Count].Replace(IdPlaceholder, (nextRawId++).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))];

        const int Bursts = 10;
        async Task<double> SdkAsync()
        {
            var started = Stopwatch.GetTimestamp();
            for (var b = 0; b < Bursts; b++)
            {
                var calls = new Task[Concurrency];
                for (var i = 0; i < Concurrency; i++)
                {
                    calls[i] = sdk.GetSensorsAsync([SensorIds[i % SensorIds.Length]]);
                }

                await Task.WhenAll(calls).ConfigureAwait(false);
            }

            return Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        async Task<double> RawAsync()
        {
            var bursts = Enumerable.Range(0, Bursts).Select(_ => RawBurst()).ToList();
            var started = Stopwatch.GetTimestamp();
            foreach (var burst in bursts)
            {
                await raw.ExchangeAsync(burst).ConfigureAwait(false);
            }

            return Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        await Stats.WarmUpAsync(SdkAsync, RawAsync).ConfigureAwait(false);

        // Throughput ratio = SDK calls/s ÷ raw calls/s = raw time ÷ SDK time.
        var (ratio, rawSeconds, sdkSeconds) = await Stats.PairedMedianAsync(15, RawAsync, SdkAsync).ConfigureAwait(false);
        var calls = Bursts * Concurrency;
        return
        [
            new RatioResult("jsonrpc_throughput", ratio, ">=", 0.80, $"{Bursts} bursts of {Concurrency} concurrent getSensors on one socket: SDK {calls / sdkSeconds:0} calls/s, raw {calls / rawSeconds:0} calls/s (median of 15 interleaved rounds)"),
        ];
    }

    /// <summary>SDK socket options for the emulator (no keepalive traffic during measurements).</summary>
    /// <param name="emulator">The emulator.</param>
    /// <returns>The options.</returns>
    public static ITwinIoTSocketOptions SocketOptions(ITwinIoTEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        return new ITwinIoTSocketOptions
        {
            Transport = ITwinIoTTransport.WebSocket,
            WebSocketUrl = emulator.WebSocketUri,
            ApiKey = emulator.ApiKey,
            KeepAliveInterval = Timeout.InfiniteTimeSpan,
        };
    }

    [GeneratedRegex("\"id\"\\s*:\\s*\\d+")]
    private static partial Regex IdPattern();
}
