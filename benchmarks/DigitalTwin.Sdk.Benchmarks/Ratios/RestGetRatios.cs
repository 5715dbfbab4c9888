using System.Diagnostics;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Ratio 1: one typed Lifecycle Twin GET (asset by id) through the SDK vs the hand-written raw call, first over an
/// in-memory handler returning the emulator's own canned answer (client cost only), then over loopback.
/// </summary>
public static class RestGetRatios
{
    /// <summary>In-memory GET time budget: SDK (Refit-declared request, one Polly pipeline) over raw HttpClient.</summary>
    public const double TimeBudget = 1.90;

    /// <summary>In-memory GET allocation budget: SDK bytes over raw HttpClient bytes.</summary>
    public const double AllocBudget = 1.80;

    /// <summary>Loopback GET time budget (relaxed from 1.05 for the single resilience path, issue 15).</summary>
    public const double LoopbackBudget = 1.10;

    /// <summary>Measures <c>rest_get_time</c>, <c>rest_get_alloc</c> and <c>rest_get_loopback_time</c>.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 50 }).ConfigureAwait(false);
        var (tokenBody, assetBody) = await LifecycleTwinSetup.CaptureBodiesAsync(emulator).ConfigureAwait(false);
        var assetId = emulator.Assets[0].Id;
        var results = new List<RatioResult>();

        using (var telemetry = new TelemetryOn())
        {
            var handler = new CannedResponseHandler(assetBody, tokenBody);
            var canned = new Uri("http://127.0.0.1:9/");
            // The SDK's transport client has an infinite HttpClient timeout like the SDK's own clients (the pipeline owns
            // timeouts); the raw client is a default HttpClient. Both end in the same canned handler.
            using var transport = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            using var rawHttp = new HttpClient(handler, disposeHandler: false);
            var sdk = new LifecycleTwinClient(LifecycleTwinSetup.Options(canned, emulator.ProjectId), transport: transport, loggerFactory: telemetry.LoggerFactory);
            var raw = await LifecycleTwinSetup.RawAsync(rawHttp, canned, emulator.ProjectId).ConfigureAwait(false);
            Func<Task> sdkCall = () => sdk.Assets.GetAssetAsync(assetId);
            Func<Task> rawCall = () => raw.GetAssetAsync(assetId);

            // Warm up: tiering, token acquisition, pools.
            await Stats.WarmUpAsync(() => RunBatchCpuAsync(sdkCall, 3_000), () => RunBatchCpuAsync(rawCall, 3_000)).ConfigureAwait(false);

            // Every in-memory call completes synchronously on this thread, so its CPU time is exact and immune to descheduling.
            var (time, sdkSeconds, rawSeconds) = await Stats.PairedMedianAsync(21, () => RunBatchCpuAsync(sdkCall, 1_000), () => RunBatchCpuAsync(rawCall, 1_000)).ConfigureAwait(false);

            results.Add(new RatioResult("rest_get_time", time, "<=", TimeBudget, $"in-memory GetAssetAsync: SDK {sdkSeconds / 1_000 * 1e6:0.00} us/call, raw {rawSeconds / 1_000 * 1e6:0.00} us/call ({(ThreadCpuClock.IsThreadCpuTime ? "thread CPU time" : "wall-clock time")}, median of 21 interleaved rounds of 1,000)"));

            var sdkBytes = new List<double>();
            var rawBytes = new List<double>();
            var perThread = true;
            for (var i = 0; i < 7; i++)
            {
                var s = await AllocatedPerCallAsync(sdkCall, 500).ConfigureAwait(false);
                var r = await AllocatedPerCallAsync(rawCall, 500).ConfigureAwait(false);
                perThread &= s.PerThread && r.PerThread;
                sdkBytes.Add(s.Bytes);
                rawBytes.Add(r.Bytes);
            }

            var sdkAlloc = Stats.Median(sdkBytes);
            var rawAlloc = Stats.Median(rawBytes);
            results.Add(new RatioResult("rest_get_alloc", sdkAlloc / rawAlloc, "<=", AllocBudget, $"in-memory: SDK {sdkAlloc:0} B/call, raw {rawAlloc:0} B/call ({(perThread ? "current-thread counter, every call completed synchronously" : "process-wide precise counter")}); {telemetry.Activities} activities recorded"));
        }

        using (var telemetry = new TelemetryOn())
        {
            var sdk = new LifecycleTwinClient(LifecycleTwinSetup.Options(emulator.BaseUri, emulator.ProjectId), loggerFactory: telemetry.LoggerFactory);
            using var rawHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            var raw = await LifecycleTwinSetup.RawAsync(rawHttp, emulator.BaseUri, emulator.ProjectId).ConfigureAwait(false);
            Func<Task> sdkCall = () => sdk.Assets.GetAssetAsync(assetId);
            Func<Task> rawCall = () => raw.GetAssetAsync(assetId);
            await Stats.WarmUpAsync(() => RunBatchAsync(sdkCall, 200), () => RunBatchAsync(rawCall, 200)).ConfigureAwait(false);

            var (loop, sdkSeconds, rawSeconds) = await Stats.PairedMedianAsync(301, () => RunBatchAsync(sdkCall, 40), () => RunBatchAsync(rawCall, 40)).ConfigureAwait(false);
            results.Add(new RatioResult("rest_get_loopback_time", loop, "<=", LoopbackBudget, $"loopback: SDK {sdkSeconds / 40 * 1e6:0} us/call, raw {rawSeconds / 40 * 1e6:0} us/call (median of 301 interleaved rounds of 40)"));
        }

        return results;
    }

    /// <summary>Runs <paramref name="count"/> sequential calls and returns the elapsed seconds.</summary>
    /// <param name="call">The call.</param>
    /// <param name="count">How many calls.</param>
    /// <returns>Elapsed seconds.</returns>
    public static async Task<double> RunBatchAsync(Func<Task> call, int count)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await call().ConfigureAwait(false);
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Runs <paramref name="count"/> sequential calls and returns the thread CPU seconds (for synchronously completing calls).</summary>
    /// <param name="call">The call.</param>
    /// <param name="count">How many calls.</param>
    /// <returns>CPU seconds.</returns>
    public static async Task<double> RunBatchCpuAsync(Func<Task> call, int count)
    {
        ArgumentNullException.ThrowIfNull(call);
        var thread = Environment.CurrentManagedThreadId;
        var started = ThreadCpuClock.Now();
        for (var i = 0; i < count; i++)
        {
            await call().ConfigureAwait(false);
        }

        var seconds = ThreadCpuClock.Now() - started;
        return thread == Environment.CurrentManagedThreadId ? seconds : throw new InvalidOperationException("A call did not complete synchronously; thread CPU time would miss its work.");
    }

    /// <summary>
    /// Measures bytes allocated per call. When every call completes synchronously all work ran on this thread and the
    /// current-thread counter is exact; otherwise the precise process-wide counter is used.
    /// </summary>
    /// <param name="call">The call.</param>
    /// <param name="count">How many calls.</param>
    /// <returns>Bytes per call and which counter was used.</returns>
    public static async Task<(double Bytes, bool PerThread)> AllocatedPerCallAsync(Func<Task> call, int count)
    {
        ArgumentNullException.ThrowIfNull(call);
        var synchronous = true;
        var threadBefore = GC.GetAllocatedBytesForCurrentThread();
        var totalBefore = GC.GetTotalAllocatedBytes(precise: true);
        var thread = Environment.CurrentManagedThreadId;
        for (var i = 0; i < count; i++)
        {
            var task = call();
            synchronous &= task.IsCompleted;
            await task.ConfigureAwait(false);
        }

        var threadBytes = GC.GetAllocatedBytesForCurrentThread() - threadBefore;
        var totalBytes = GC.GetTotalAllocatedBytes(precise: true) - totalBefore;
        return synchronous && thread == Environment.CurrentManagedThreadId
            ? ((double)threadBytes / count, true)
            : ((double)totalBytes / count, false);
    }
}
