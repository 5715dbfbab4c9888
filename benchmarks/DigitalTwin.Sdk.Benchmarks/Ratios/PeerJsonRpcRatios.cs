using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using StreamJsonRpc;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Peer 2 (issue 17): 64 concurrent <c>getSensors</c> calls over one WebSocket to the iTwin IoT emulator, the SDK's
/// JSON-RPC engine (<see cref="ITwinIoTSocketClient"/>, as <see cref="JsonRpcRatios"/> uses it) against StreamJsonRpc
/// (<see cref="JsonRpc"/> on a <see cref="WebSocketMessageHandler"/> with the <see cref="SystemTextJsonFormatter"/> over a
/// <see cref="ClientWebSocket"/>), same method, same params, same typed result (<see cref="ITwinIoTEntity"/> list).
/// </summary>
public static class PeerJsonRpcRatios
{
    /// <summary>Target: SDK calls per second over StreamJsonRpc calls per second.</summary>
    public const double Target = 1.5;

    private const int Bursts = 10;

    /// <summary>Measures <c>jsonrpc_vs_streamjsonrpc</c>.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        await using var emulator = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { RequestLogCapacity = 1_000 }).ConfigureAwait(false);
        await using var sdk = new ITwinIoTSocketClient(JsonRpcRatios.SocketOptions(emulator));
        await sdk.ConnectAsync().ConfigureAwait(false);
        await using var peer = await StreamJsonRpcPeer.ConnectAsync(emulator.WebSocketUri, emulator.ApiKey).ConfigureAwait(false);

        // Same request on the wire (method and params; ids differ), same answer: checked once before timing.
        var ids = JsonRpcRatios.SensorIds;
        var sdkSensors = await sdk.GetSensorsAsync([ids[0]]).ConfigureAwait(false);
        var sdkParams = ParamsOf(emulator.Requests.Snapshot().Last(r => r.Method == "getSensors").Body);
        var peerSensors = await peer.GetSensorsAsync(ids[0]).ConfigureAwait(false);
        var peerParams = ParamsOf(emulator.Requests.Snapshot().Last(r => r.Method == "getSensors").Body);
        if (sdkParams != peerParams || sdkSensors.Count != 1 || peerSensors.Count != 1 || sdkSensors[0].Id != peerSensors[0].Id)
        {
            throw new InvalidOperationException($"The SDK and StreamJsonRpc differ: params {sdkParams} vs {peerParams}.");
        }

        async Task<double> SdkAsync()
        {
            var started = Stopwatch.GetTimestamp();
            for (var b = 0; b < Bursts; b++)
            {
                var calls = new Task[JsonRpcRatios.Concurrency];
                for (var i = 0; i < calls.Length; i++)
                {
                    calls[i] = sdk.GetSensorsAsync([ids[i % ids.Length]]);
                }

                await Task.WhenAll(calls).ConfigureAwait(false);
            }

            return Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        async Task<double> PeerAsync()
        {
            var started = Stopwatch.GetTimestamp();
            for (var b = 0; b < Bursts; b++)
            {
                var calls = new Task[JsonRpcRatios.Concurrency];
                for (var i = 0; i < calls.Length; i++)
                {
                    calls[i] = peer.GetSensorsAsync(ids[i % ids.Length]);
                }

                await Task.WhenAll(calls).ConfigureAwait(false);
            }

            return Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        await Stats.WarmUpAsync(SdkAsync, PeerAsync).ConfigureAwait(false);

        // Throughput ratio = SDK calls/s ÷ StreamJsonRpc calls/s = StreamJsonRpc time ÷ SDK time.
        var (ratio, peerSeconds, sdkSeconds) = await Stats.PairedMedianAsync(15, PeerAsync, SdkAsync).ConfigureAwait(false);
        var calls = Bursts * JsonRpcRatios.Concurrency;
        return
        [
            new RatioResult("jsonrpc_vs_streamjsonrpc", ratio, ">=", Target, $"{Bursts} bursts of {JsonRpcRatios.Concurrency} concurrent getSensors on one socket: SDK {calls / sdkSeconds:0} calls/s, StreamJsonRpc {calls / peerSeconds:0} calls/s (median of 15 interleaved rounds)"),
        ];
    }

    private static string ParamsOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("method").GetString() + " " + document.RootElement.GetProperty("params").GetRawText();
    }

    /// <summary>StreamJsonRpc configured for this API: text messages (System.Text.Json), named params, the emulator's handshake.</summary>
    private sealed class StreamJsonRpcPeer : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly JsonRpc _rpc;

        private StreamJsonRpcPeer(ClientWebSocket socket, JsonRpc rpc)
        {
            _socket = socket;
            _rpc = rpc;
        }

        public static async Task<StreamJsonRpcPeer> ConnectAsync(Uri uri, string apiKey)
        {
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(uri, CancellationToken.None).ConfigureAwait(false);

            // User data (params, results) through the same source-generated metadata of the same models the SDK reads.
            var formatter = new SystemTextJsonFormatter
            {
                JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
                {
                    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
                    TypeInfoResolver = JsonTypeInfoResolver.Combine(PeerJsonContext.Default, new DefaultJsonTypeInfoResolver()),
                },
            };
            var rpc = new JsonRpc(new WebSocketMessageHandler(socket, formatter));
            rpc.StartListening();

            // The API's handshake: authenticate must be the first request; later ids must start at the nextId it returns
            // and increase. StreamJsonRpc numbers its requests itself, one counter in the order it sends them, and has no
            // way to start elsewhere: it works here because the emulator's nextId is the id after authenticate's.
            // A first call checks that: the emulator answers a refused id with an error, which throws here.
            await rpc.InvokeWithParameterObjectAsync<AuthenticateResult>("authenticate", new AuthenticateParams(apiKey)).ConfigureAwait(false);
            await rpc.InvokeWithParameterObjectAsync<JsonElement>("time").ConfigureAwait(false);

            return new StreamJsonRpcPeer(socket, rpc);
        }

        public Task<List<ITwinIoTEntity>> GetSensorsAsync(string sensorId) =>
            _rpc.InvokeWithParameterObjectAsync<List<ITwinIoTEntity>>("getSensors", new SensorsParams([sensorId]));

        public async ValueTask DisposeAsync()
        {
            _rpc.Dispose();
            try
            {
                await _rpc.Completion.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Closing.
            }

            _socket.Dispose();
        }
    }
}

/// <summary>Params of <c>authenticate</c>.</summary>
/// <param name="Code">API key or JWT.</param>
internal sealed record AuthenticateParams([property: JsonPropertyName("code")] string Code);

/// <summary>Result of <c>authenticate</c>.</summary>
/// <param name="NextId">The id later requests must start at.</param>
internal sealed record AuthenticateResult([property: JsonPropertyName("nextId")] long NextId);

/// <summary>Params of <c>getSensors</c>.</summary>
/// <param name="Sensors">Sensor ids.</param>
internal sealed record SensorsParams([property: JsonPropertyName("sensors")] string[] Sensors);

/// <summary>Source-generated metadata of the StreamJsonRpc peer's params and results (Web defaults, as the SDK's context).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(List<ITwinIoTEntity>))]
[JsonSerializable(typeof(AuthenticateParams))]
[JsonSerializable(typeof(AuthenticateResult))]
[JsonSerializable(typeof(SensorsParams))]
internal sealed partial class PeerJsonContext : JsonSerializerContext;
