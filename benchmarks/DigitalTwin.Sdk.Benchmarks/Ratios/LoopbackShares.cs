using System.Text.Json;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
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
    }

    private sealed class FixedToken(AccessToken token) : ITokenProvider
    {
        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

        public void Invalidate(AccessToken token)
        {
        }
    }
}
