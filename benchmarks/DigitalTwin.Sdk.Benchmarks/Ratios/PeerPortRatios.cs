using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Testing.ThreadEdge;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Peer 3 (issue 17): records per second read from a THREAD port (<c>/ws/port/2</c>, the line sensor) through the SDK's
/// port socket (<see cref="IThreadPortsClient.OpenSocketAsync"/>, <see cref="IThreadPortSocket.ReadRecordsAsync"/>)
/// against a raw <see cref="ClientWebSocket"/> loop that receives each text message fully, the same records from the
/// same emulator. One socket is connected at a time (the emulator sends a port's data to every client of the port).
/// </summary>
public static class PeerPortRatios
{
    /// <summary>Target: SDK records per second over raw records per second.</summary>
    public const double Target = 0.8;

    private const int Port = 2;
    private const int RecordsPerRound = 20_000;

    /// <summary>Measures <c>ports_vs_raw_socket</c>.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        // One record per WebSocket message (frames up to 256 bytes; a reading is about 30), so the raw loop's unit of work,
        // a whole text message, is one record.
        await using var emulator = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { SerialChunkSize = 256 }).ConfigureAwait(false);
        await using var client = new ThreadEdgeClient(new ThreadEdgeOptions { BaseUrl = emulator.BaseUri, AllowInsecureHttp = true });
        var records = Enumerable.Range(1, 1_000)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"seq={i},temp={18 + (i % 800 / 100.0):F2},hum={35 + (i % 300 / 10.0):F1}"))
            .ToArray();

        async Task FeedAsync()
        {
            await Task.Yield();
            for (var i = 0; i < RecordsPerRound; i++)
            {
                await emulator.Sensor.EmitRecordAsync(records[i % records.Length]).ConfigureAwait(false);
            }
        }

        async Task<double> SdkAsync()
        {
            await using var socket = await client.Ports.OpenSocketAsync(Port).ConfigureAwait(false);
            await WaitForClientsAsync(emulator, 1).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            var feeding = FeedAsync();
            var read = 0;
            await foreach (var record in socket.ReadRecordsAsync().ConfigureAwait(false))
            {
                if (!record.IsComplete)
                {
                    throw new InvalidOperationException("An incomplete record.");
                }

                if (++read == RecordsPerRound)
                {
                    break;
                }
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await feeding.ConfigureAwait(false);
            return seconds;
        }

        var buffer = new byte[64 * 1024];
        async Task<double> RawAsync()
        {
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(emulator.PortWebSocketUri(Port), CancellationToken.None).ConfigureAwait(false);
            await WaitForClientsAsync(emulator, 1).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            var feeding = FeedAsync();
            for (var read = 0; read < RecordsPerRound; read++)
            {
                var count = 0;
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
                    if (result.MessageType != WebSocketMessageType.Text)
                    {
                        throw new InvalidOperationException("Not a text message.");
                    }

                    count += result.Count;
                    if (result.EndOfMessage)
                    {
                        break;
                    }
                }
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await feeding.ConfigureAwait(false);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
            return seconds;
        }

        async Task<double> SdkRoundAsync()
        {
            var seconds = await SdkAsync().ConfigureAwait(false);
            await WaitForClientsAsync(emulator, 0).ConfigureAwait(false);
            return seconds;
        }

        async Task<double> RawRoundAsync()
        {
            var seconds = await RawAsync().ConfigureAwait(false);
            await WaitForClientsAsync(emulator, 0).ConfigureAwait(false);
            return seconds;
        }

        await Stats.WarmUpAsync(SdkRoundAsync, RawRoundAsync).ConfigureAwait(false);

        // Throughput ratio = SDK records/s ÷ raw records/s = raw time ÷ SDK time.
        var (ratio, rawSeconds, sdkSeconds) = await Stats.PairedMedianAsync(15, RawRoundAsync, SdkRoundAsync).ConfigureAwait(false);
        return
        [
            new RatioResult("ports_vs_raw_socket", ratio, ">=", Target, $"{RecordsPerRound:N0} records of about 30 bytes from /ws/port/{Port}, one per text message: SDK ReadRecordsAsync {RecordsPerRound / sdkSeconds:0} records/s, raw ClientWebSocket loop {RecordsPerRound / rawSeconds:0} records/s (median of 15 interleaved rounds)"),
        ];
    }

    private static async Task WaitForClientsAsync(ThreadEdgeEmulator emulator, int clients)
    {
        var deadline = Stopwatch.GetTimestamp() + (5 * Stopwatch.Frequency);
        while (emulator.Port(Port).ConnectedClients != clients)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Port {Port} has {emulator.Port(Port).ConnectedClients} clients, expected {clients}.");
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }
}
