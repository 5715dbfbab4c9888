using System.Text.Json;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Where the SDK's loopback GET spends its time over raw <see cref="HttpClient"/> (<c>--shares</c>, informational, no
/// verdict): the same raw request sent through the core pipeline alone (no Refit, no typed client), the whole SDK call
/// without telemetry listeners, and the whole SDK call with them — each paired with the raw call in one run.
/// </summary>
public static class LoopbackShares
{
    /// <summary>Measures and prints the shares.</summary>
    /// <returns>A task.</returns>
    public static async Task RunAsync()
    {
        await InMemorySharesAsync().ConfigureAwait(false);
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 50 }).ConfigureAwait(false);
        var (tokenBody, _) = await LifecycleTwinSetup.CaptureBodiesAsync(emulator).ConfigureAwait(false);
        var assetId = emulator.Assets[0].Id;
        using var rawHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var raw = await LifecycleTwinSetup.RawAsync(rawHttp, emulator.BaseUri, emulator.ProjectId).ConfigureAwait(false);
        Func<Task> rawCall = () => raw.GetAssetAsync(assetId);

        // The core pipeline alone: the raw client's request through the SDK's handler chain, the token from a fixed provider.
        using var parsed = JsonDocument.Parse(tokenBody);
        var token = new AccessToken(parsed.RootElement.GetProperty("access_token").GetString()!, DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow);
        var options = LifecycleTwinSetup.Options(emulator.BaseUri, emulator.ProjectId);
        var runtime = StandaloneClient.CreateApiRuntime(new ClientDefinition("probe", "Probe", "DigitalTwin:Probe"), options, null, null, null, new FixedToken(token));
        using var coreHttp = runtime.CreateRestClient(emulator.BaseUri);
        var core = new RawLifecycleTwinClient(coreHttp, emulator.BaseUri, LifecycleTwinSetup.Defaults.ClientName, emulator.ProjectId);
        await core.SignInAsync(LifecycleTwinSetup.Defaults.ClientId, LifecycleTwinSetup.Defaults.ClientSecret, LifecycleTwinSetup.Defaults.Username, LifecycleTwinSetup.Defaults.Password).ConfigureAwait(false);
        Func<Task> coreCall = () => core.GetAssetAsync(assetId);

        using var quiet = new LifecycleTwinClient(options);
        Func<Task> quietCall = () => quiet.Assets.GetAssetAsync(assetId);

        using var telemetry = new TelemetryOn();
        using var observed = new LifecycleTwinClient(options, loggerFactory: telemetry.LoggerFactory);
        Func<Task> observedCall = () => observed.Assets.GetAssetAsync(assetId);

        foreach (var (name, call) in new[] { ("core pipeline only", coreCall), ("whole SDK, no listeners", quietCall), ("whole SDK, telemetry on", observedCall) })
        {
            await Stats.WarmUpAsync(() => RestGetRatios.RunBatchAsync(call, 200), () => RestGetRatios.RunBatchAsync(rawCall, 200)).ConfigureAwait(false);
            var (ratio, sdk, rawSeconds) = await Stats.PairedMedianAsync(151, () => RestGetRatios.RunBatchAsync(call, 40), () => RestGetRatios.RunBatchAsync(rawCall, 40)).ConfigureAwait(false);
            Console.WriteLine($"# share {name}: {ratio:0.000} x raw ({sdk / 40 * 1e6:0.0} vs {rawSeconds / 40 * 1e6:0.0} us/call, median of 151 interleaved rounds of 40)");
        }

        runtime.HttpClient.Dispose();
        await JsonRpcTransportShareAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// In memory (the emulator's own answer from a canned handler, thread CPU time and bytes per call): Refit's generated
    /// client alone over a plain <see cref="HttpClient"/>, the raw request through the SDK's core pipeline alone, and the
    /// whole SDK call, each against the raw call.
    /// </summary>
    private static async Task InMemorySharesAsync()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 50 }).ConfigureAwait(false);
        var (tokenBody, assetBody) = await LifecycleTwinSetup.CaptureBodiesAsync(emulator).ConfigureAwait(false);
        var assetId = emulator.Assets[0].Id;
        var canned = new Uri("http://127.0.0.1:9/");
        var handler = new CannedResponseHandler(assetBody, tokenBody);
        using var rawHttp = new HttpClient(handler, disposeHandler: false);
        var raw = await LifecycleTwinSetup.RawAsync(rawHttp, canned, emulator.ProjectId).ConfigureAwait(false);
        Func<Task> rawCall = () => raw.GetAssetAsync(assetId);

        using var parsed = JsonDocument.Parse(tokenBody);
        var tokenValue = parsed.RootElement.GetProperty("access_token").GetString()!;
        using var refitHttp = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://127.0.0.1:9") };
        var refit = Refit.RestService.ForGenerated<IRawAssetsApi>(refitHttp, new Refit.RefitSettings(new Refit.SystemTextJsonContentSerializer(RawJsonContext.Default.Options)));
        Func<Task> refitCall = () => refit.GetAssetAsync(assetId, LifecycleTwinSetup.Defaults.ClientName, emulator.ProjectId, RawLifecycleTwinClient.AssetSelect, tokenValue);

        var token = new AccessToken(tokenValue, DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow);
        var options = LifecycleTwinSetup.Options(canned, emulator.ProjectId);
        using var transport = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var runtime = StandaloneClient.CreateApiRuntime(new ClientDefinition("probe", "Probe", "DigitalTwin:Probe"), options, transport, null, null, new FixedToken(token));
        using var coreHttp = runtime.CreateRestClient(canned);
        var core = new RawLifecycleTwinClient(coreHttp, canned, LifecycleTwinSetup.Defaults.ClientName, emulator.ProjectId);
        Func<Task> coreCall = () => core.GetAssetAsync(assetId);

        using var sdk = new LifecycleTwinClient(options, transport: transport);
        Func<Task> sdkCall = () => sdk.Assets.GetAssetAsync(assetId);

        foreach (var (name, call) in new[] { ("Refit alone", refitCall), ("core pipeline only", coreCall), ("whole SDK, no listeners", sdkCall) })
        {
            await Stats.WarmUpAsync(() => RestGetRatios.RunBatchCpuAsync(call, 3_000), () => RestGetRatios.RunBatchCpuAsync(rawCall, 3_000)).ConfigureAwait(false);
            var (time, sdkSeconds, rawSeconds) = await Stats.PairedMedianAsync(21, () => RestGetRatios.RunBatchCpuAsync(call, 1_000), () => RestGetRatios.RunBatchCpuAsync(rawCall, 1_000)).ConfigureAwait(false);
            var bytes = new List<double>();
            var rawBytes = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                bytes.Add((await RestGetRatios.AllocatedPerCallAsync(call, 500).ConfigureAwait(false)).Bytes);
                rawBytes.Add((await RestGetRatios.AllocatedPerCallAsync(rawCall, 500).ConfigureAwait(false)).Bytes);
            }

            Console.WriteLine($"# share in memory, {name}: {time:0.000} x raw time ({sdkSeconds * 1e3:0.00} vs {rawSeconds * 1e3:0.00} us/call CPU), {Stats.Median(bytes) / Stats.Median(rawBytes):0.000} x raw bytes ({Stats.Median(bytes):0} vs {Stats.Median(rawBytes):0} B/call)");
        }

        runtime.HttpClient.Dispose();
    }

    /// <summary>
    /// The iTwin IoT socket client over Websocket.Client against the same client over the SDK's ClientWebSocket transport:
    /// 10 bursts of 64 concurrent getSensors each, paired (the issue-15 question whether JSON-RPC moves to Websocket.Client).
    /// </summary>
    private static async Task JsonRpcTransportShareAsync()
    {
        await using var emulator = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { RequestLogCapacity = 1_000 }).ConfigureAwait(false);
        await using var native = new ITwinIoTSocketClient(JsonRpcRatios.SocketOptions(emulator));
        var library = JsonRpcRatios.SocketOptions(emulator);
        library.TransportFactory = ct => WebsocketClientRpcTransport.ConnectAsync(emulator.WebSocketUri, ct);
        await using var wrapped = new ITwinIoTSocketClient(library);
        await native.ConnectAsync().ConfigureAwait(false);
        await wrapped.ConnectAsync().ConfigureAwait(false);

        const int Bursts = 10;
        Func<Task<double>> Burst(ITwinIoTSocketClient client) => async () =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var b = 0; b < Bursts; b++)
            {
                var calls = new Task[JsonRpcRatios.Concurrency];
                for (var i = 0; i < calls.Length; i++)
                {
                    calls[i] = client.GetSensorsAsync([JsonRpcRatios.SensorIds[i % JsonRpcRatios.SensorIds.Length]]);
                }

                await Task.WhenAll(calls).ConfigureAwait(false);
            }

            return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        };

        await Stats.WarmUpAsync(Burst(native), Burst(wrapped)).ConfigureAwait(false);

        // Throughput of Websocket.Client relative to ClientWebSocket = native time / Websocket.Client time.
        var (ratio, nativeSeconds, wrappedSeconds) = await Stats.PairedMedianAsync(15, Burst(native), Burst(wrapped)).ConfigureAwait(false);
        var calls = Bursts * JsonRpcRatios.Concurrency;
        Console.WriteLine($"# share jsonrpc over Websocket.Client: {ratio:0.000} x the throughput over ClientWebSocket ({calls / wrappedSeconds:0} vs {calls / nativeSeconds:0} calls/s, median of 15 interleaved rounds)");

        // A consumer that pauses: over ClientWebSocket the engine stops reading the socket when its stream buffer is full
        // (TCP back-pressure reaches the server); Websocket.Client's receive loop pushes every frame into the observer.
        var paused = new[] { ("ClientWebSocket", false), ("Websocket.Client", true) };
        await using var big = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { SeededObservationsPerSensor = 400_000, PointsPerFrame = 500 }).ConfigureAwait(false);
        foreach (var (name, useLibrary) in paused)
        {
            var options = JsonRpcRatios.SocketOptions(big);
            if (useLibrary)
            {
                options.TransportFactory = ct => WebsocketClientRpcTransport.ConnectAsync(big.WebSocketUri, ct);
            }

            await using var client = new ITwinIoTSocketClient(options);
            await client.ConnectAsync().ConfigureAwait(false);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            long points = 0;
            long heldWhilePaused = 0;
            await foreach (var _ in client.GetDataAsync(new DataQuery(ITwinIoTEmulator.TiltSensorId, "ax", "deg")).ConfigureAwait(false))
            {
                if (points++ == 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
                    heldWhilePaused = GC.GetTotalMemory(forceFullCollection: true) - before;
                }
            }

            Console.WriteLine($"# share jsonrpc paused consumer over {name}: {heldWhilePaused / 1024.0 / 1024.0:0.0} MiB held while the consumer paused 3 s on the first of {points:N0} points");
        }
    }

    private sealed class FixedToken(AccessToken token) : ITokenProvider
    {
        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

        public void Invalidate(AccessToken token)
        {
        }
    }
}
