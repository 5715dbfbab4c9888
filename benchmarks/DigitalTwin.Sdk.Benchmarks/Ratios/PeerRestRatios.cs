using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Peer 1 (issue 17): the SDK's typed asset GET (the in-memory call of <see cref="RestGetRatios"/>) against the same GET
/// through what a developer builds from the standard packages (<see cref="DiyRestStack"/>: Refit's generated client on
/// an <see cref="IHttpClientFactory"/> client with the standard resilience handler and a bearer handler), both over the
/// same in-memory handler answering the emulator's own bytes, both with the same logger factory.
/// </summary>
public static class PeerRestRatios
{
    /// <summary>Time budget: the SDK no slower than the do-it-yourself stack.</summary>
    public const double TimeBudget = 1.00;

    /// <summary>Allocation budget: SDK bytes over do-it-yourself bytes.</summary>
    public const double AllocBudget = 1.20;

    /// <summary>Measures <c>rest_vs_diy_time</c> and <c>rest_vs_diy_alloc</c>.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 50 }).ConfigureAwait(false);
        var (tokenBody, assetBody) = await LifecycleTwinSetup.CaptureBodiesAsync(emulator).ConfigureAwait(false);
        var assetId = emulator.Assets[0].Id;

        using var telemetry = new TelemetryOn();
        var handler = new CannedResponseHandler(assetBody, tokenBody);
        var canned = new Uri("http://127.0.0.1:9/");

        // One host container with both clients, each on the same in-memory primary handler through its own
        // IHttpClientFactory registration (ConfigurePrimaryHttpMessageHandler), and the host's logger factory.
        // The SDK: AddLifecycleTwin (API client and its token client); the peer: DiyRestStack.
        var services = new ServiceCollection();
        services.AddSingleton(telemetry.LoggerFactory);
        var sdkApi = services.AddLifecycleTwin(o => Configure(o, LifecycleTwinSetup.Options(canned, emulator.ProjectId))).ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddHttpClient(sdkApi.Name + ".Token").ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddDiyRestStack(handler, canned, emulator.ProjectId);
        await using var provider = services.BuildServiceProvider();

        // Each resolved once, as a service holds it (the SDK client is a thread-safe singleton; the typed Refit client is
        // transient, and resolving it per call would add the factory's CreateClient to every call).
        var sdk = provider.GetRequiredService<ILifecycleTwinClient>();
        var diy = provider.GetRequiredService<IDiyAssetsApi>();

        // Both sides parse the same asset: check once that they agree before timing them.
        var sdkAsset = await sdk.Assets.GetAssetAsync(assetId).ConfigureAwait(false);
        var diyAsset = (await diy.GetAssetAsync(assetId).ConfigureAwait(false))[0];
        if (sdkAsset.Id != diyAsset.Id || sdkAsset.Name != diyAsset.Name || sdkAsset.CustomFields?.Count != diyAsset.CustomFields?.Count)
        {
            throw new InvalidOperationException("The SDK and the do-it-yourself stack parsed different assets.");
        }

        Func<Task> sdkCall = () => sdk.Assets.GetAssetAsync(assetId);
        Func<Task> diyCall = () => diy.GetAssetAsync(assetId);
        await Stats.WarmUpAsync(() => RestGetRatios.RunBatchCpuAsync(sdkCall, 3_000), () => RestGetRatios.RunBatchCpuAsync(diyCall, 3_000)).ConfigureAwait(false);

        var (time, sdkSeconds, diySeconds) = await Stats.PairedMedianAsync(21, () => RestGetRatios.RunBatchCpuAsync(sdkCall, 1_000), () => RestGetRatios.RunBatchCpuAsync(diyCall, 1_000)).ConfigureAwait(false);

        var sdkBytes = new List<double>();
        var diyBytes = new List<double>();
        var perThread = true;
        for (var i = 0; i < 7; i++)
        {
            var s = await RestGetRatios.AllocatedPerCallAsync(sdkCall, 500).ConfigureAwait(false);
            var d = await RestGetRatios.AllocatedPerCallAsync(diyCall, 500).ConfigureAwait(false);
            perThread &= s.PerThread && d.PerThread;
            sdkBytes.Add(s.Bytes);
            diyBytes.Add(d.Bytes);
        }

        var sdkAlloc = Stats.Median(sdkBytes);
        var diyAlloc = Stats.Median(diyBytes);
        var clock = ThreadCpuClock.IsThreadCpuTime ? "thread CPU time" : "wall-clock time";
        return
        [
            new RatioResult("rest_vs_diy_time", time, "<=", TimeBudget, $"in-memory GetAssetAsync: SDK {sdkSeconds / 1_000 * 1e6:0.00} us/call, Refit + IHttpClientFactory + standard resilience handler {diySeconds / 1_000 * 1e6:0.00} us/call ({clock}, median of 21 interleaved rounds of 1,000)"),
            new RatioResult("rest_vs_diy_alloc", sdkAlloc / diyAlloc, "<=", AllocBudget, $"in-memory: SDK {sdkAlloc:0} B/call, do-it-yourself {diyAlloc:0} B/call ({(perThread ? "current-thread counter, every call completed synchronously" : "process-wide precise counter")})"),
        ];
    }

    private static void Configure(LifecycleTwinOptions target, LifecycleTwinOptions source)
    {
        target.BaseUrl = source.BaseUrl;
        target.ClientId = source.ClientId;
        target.ClientSecret = source.ClientSecret;
        target.Username = source.Username;
        target.Password = source.Password;
        target.ClientName = source.ClientName;
        target.ProjectId = source.ProjectId;
        target.PageSize = source.PageSize;
        target.PrefetchNextPage = source.PrefetchNextPage;
    }
}
