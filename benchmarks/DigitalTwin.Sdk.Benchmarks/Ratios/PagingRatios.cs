using System.Diagnostics;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Ratio 2: walking 100,000 assets in pages of 1,000 from an emulator answering each request after 20 ms: a naive
/// hand-written sequential loop vs the SDK pageable with prefetch; and the SDK's peak live heap during a walk.
/// </summary>
public static class PagingRatios
{
    /// <summary>Number of assets walked.</summary>
    public const int AssetCount = 100_000;

    /// <summary>Page size.</summary>
    public const int PageSize = 1_000;

    /// <summary>Emulator latency per request.</summary>
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    /// <summary>Measures <c>paging_speedup</c> and <c>paging_heap_pages</c>.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = AssetCount }).ConfigureAwait(false);
        using var rawHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var raw = await LifecycleTwinSetup.RawAsync(rawHttp, emulator.BaseUri, emulator.ProjectId).ConfigureAwait(false);
        var sdk = new LifecycleTwinClient(LifecycleTwinSetup.Options(emulator.BaseUri, emulator.ProjectId, PageSize, prefetch: true));

        // Warm up without latency: JIT, connections, the emulator's sorted view.
        await NaiveWalkAsync(raw, 5).ConfigureAwait(false);
        await SdkWalkAsync(sdk, 5).ConfigureAwait(false);
        emulator.ResponseLatency = Latency;

        var (speedup, naiveSeconds, sdkSeconds) = await Stats.PairedMedianAsync(
            5,
            async () => Check(await TimedAsync(() => NaiveWalkAsync(raw, int.MaxValue)).ConfigureAwait(false)),
            async () => Check(await TimedAsync(() => SdkWalkAsync(sdk, int.MaxValue)).ConfigureAwait(false))).ConfigureAwait(false);

        var (peakPages, pageBytes) = await PeakHeapPagesAsync(sdk).ConfigureAwait(false);
        return
        [
            new RatioResult("paging_speedup", speedup, ">=", 1.6, $"100 pages x 1,000 assets, 20 ms latency: naive loop {naiveSeconds:0.00} s, SDK with prefetch {sdkSeconds:0.00} s (median of 5 interleaved walks)"),
            new RatioResult("paging_heap_pages", peakPages, "<=", 3, $"peak live managed heap above the start of the walk, sampled at every page and every 10 ms with full collections, in pages of {pageBytes / 1024.0 / 1024.0:0.00} MiB (the live size of five distinct pages of 1,000 assets held at once, per page)"),
        ];
    }

    /// <summary>A naive loop: request a page, read it, consume it, request the next.</summary>
    /// <param name="raw">Raw client.</param>
    /// <param name="maxPages">Stop after this many pages.</param>
    /// <returns>Number of assets consumed.</returns>
    public static async Task<long> NaiveWalkAsync(RawLifecycleTwinClient raw, int maxPages)
    {
        ArgumentNullException.ThrowIfNull(raw);
        long count = 0;
        for (var page = 0; page < maxPages; page++)
        {
            var items = await raw.GetAssetsPageAsync(page, PageSize).ConfigureAwait(false);
            count += Consume(items);
            if (items.Count < PageSize)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>The SDK walk: pages of the asset pageable with prefetch on.</summary>
    /// <param name="sdk">SDK client.</param>
    /// <param name="maxPages">Stop after this many pages.</param>
    /// <returns>Number of assets consumed.</returns>
    public static async Task<long> SdkWalkAsync(LifecycleTwinClient sdk, int maxPages)
    {
        ArgumentNullException.ThrowIfNull(sdk);
        long count = 0;
        var pages = 0;
        await foreach (var page in sdk.Assets.GetAssetsAsync().AsPages(null, PageSize).ConfigureAwait(false))
        {
            count += Consume(page.Values);
            if (++pages >= maxPages)
            {
                break;
            }
        }

        return count;
    }

    private static long Consume(IReadOnlyList<Asset> items)
    {
        long count = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Id is not null)
            {
                count++;
            }
        }

        return count;
    }

    private static long Consume(List<RawAsset> items)
    {
        long count = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Id is not null)
            {
                count++;
            }
        }

        return count;
    }

    private static async Task<(double Seconds, long Count)> TimedAsync(Func<Task<long>> walk)
    {
        var started = Stopwatch.GetTimestamp();
        var count = await walk().ConfigureAwait(false);
        return (Stopwatch.GetElapsedTime(started).TotalSeconds, count);
    }

    private static double Check((double Seconds, long Count) walk) =>
        walk.Count == AssetCount ? walk.Seconds : throw new InvalidOperationException($"The walk saw {walk.Count} assets instead of {AssetCount}.");

    private static async Task<(double PeakPages, double PageBytes)> PeakHeapPagesAsync(LifecycleTwinClient sdk)
    {
        // One page's worth: the live size of one page of 1,000 assets, measured as five distinct pages of a walk held
        // at once (a single page measured right after the walk below moved by ±10 % and could include one-time growth).
        var pageBytes = await PageBytesAsync(sdk, 5).ConfigureAwait(false);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var live = GC.GetTotalMemory(forceFullCollection: true) - baseline;
                InterlockedMax(ref peak, live);
                await Task.Delay(10).ConfigureAwait(false);
            }
        });

        var pages = 0;
        await foreach (var page in sdk.Assets.GetAssetsAsync().AsPages(null, PageSize).ConfigureAwait(false))
        {
            InterlockedMax(ref peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            GC.KeepAlive(page.Values);
            if (++pages >= 30)
            {
                break;
            }
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        return (Interlocked.Read(ref peak) / pageBytes, pageBytes);
    }

    private static async Task<double> PageBytesAsync(LifecycleTwinClient sdk, int count)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = new List<IReadOnlyList<Asset>>(count);
        var pages = sdk.Assets.GetAssetsAsync().AsPages(null, PageSize).GetAsyncEnumerator();
        try
        {
            while (held.Count < count && await pages.MoveNextAsync().ConfigureAwait(false))
            {
                held.Add(pages.Current.Values);
            }
        }
        finally
        {
            await pages.DisposeAsync().ConfigureAwait(false);
        }

        var bytes = (double)(GC.GetTotalMemory(forceFullCollection: true) - before) / held.Count;

        // Nothing measured here may stay reachable from this method's finished state machine (a caller's stack can
        // keep that alive a little longer), or the walk's baseline below would include it.
        held.Clear();
        pages = null!;
        return bytes;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
