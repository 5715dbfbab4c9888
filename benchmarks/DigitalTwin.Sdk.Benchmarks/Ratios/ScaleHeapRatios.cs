using System.Globalization;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Scale mode, memory as the work grows: the peak live heap of the same streamed work at several sizes (a walk of Lifecycle
/// Twin assets, a getData stream, a Tandem element scan), each served in memory by a generator that holds no more than the
/// item it is writing. The ratio is the largest size's peak over the smallest's; a flat curve is about 1.
/// </summary>
public static class ScaleHeapRatios
{
    /// <summary>Budget of every heap growth ratio.</summary>
    public const double GrowthBudget = 1.2;

    /// <summary>Asset walk sizes (the first and last give <c>paging_heap_growth</c>).</summary>
    public static readonly long[] PagingSizes = [10_000, 100_000, 1_000_000];

    /// <summary>getData stream sizes (the first and last give <c>getdata_heap_growth</c>).</summary>
    public static readonly long[] GetDataSizes = [100_000, 1_000_000, 10_000_000];

    /// <summary>Scan sizes (the first and last give <c>scan_heap_growth</c>).</summary>
    public static readonly long[] ScanSizes = [5_000, 50_000, 500_000];

    private const int Rounds = 5;
    private const int PageSize = 1_000;
    private const long StreamId = 7;
    private const int PointsPerFrame = 5_000;

    /// <summary>
    /// getData samples: fewer, each after the consumer paused long enough for the SDK's receive loop to fill its buffer
    /// of <see cref="ITwinIoTSocketOptions.DataBufferFrames"/> frames (about 0.5 ms a frame here), so every sample sees
    /// the buffer at its bound; without the pause the peak was wherever the producer/consumer race left the buffer
    /// (0.7–6.4 MiB at 100,000 points in five rounds).
    /// </summary>
    private const int DataSamples = 100;

    private static readonly TimeSpan DataSettle = TimeSpan.FromMilliseconds(25);

    /// <summary>Measures <c>paging_heap_growth</c>.</summary>
    /// <returns>The result.</returns>
    public static async Task<IReadOnlyList<RatioResult>> PagingAsync()
    {
        byte[] token, asset;
        string assetId, projectId;
        await using (var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 10 }).ConfigureAwait(false))
        {
            (token, asset) = await LifecycleTwinSetup.CaptureBodiesAsync(emulator).ConfigureAwait(false);
            (assetId, projectId) = (emulator.Assets[0].Id, emulator.ProjectId);
        }

        using var handler = new GeneratedAssetPagesHandler(token, asset, assetId, 0);
        using var transport = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var sdk = new LifecycleTwinClient(LifecycleTwinSetup.Options(new Uri("http://127.0.0.1:9/"), projectId, PageSize, prefetch: true), transport: transport);

        async Task WalkAsync(long size, PeakHeap? heap)
        {
            handler.Total = size;
            long count = 0;
            await foreach (var page in sdk.Assets.GetAssetsAsync().AsPages(null, PageSize).ConfigureAwait(false))
            {
                var values = page.Values;
                for (var i = 0; i < values.Count; i++)
                {
                    if (values[i].Id is not null)
                    {
                        count++;
                        heap?.Item();
                    }
                }
            }

            Check("paging", count, size);
        }

        var (ratio, bytes, seconds) = await GrowthAsync(PagingSizes, WalkAsync).ConfigureAwait(false);
        PerformanceChart.RecordCurve(new GrowthCurve("paging_heap_growth", "Lifecycle Twin assets walked", PagingSizes, Mebibytes(bytes)));
        return [new RatioResult("paging_heap_growth", ratio, "<=", GrowthBudget, Detail($"walk of Lifecycle Twin assets through AsyncPageable.AsPages (pages of {PageSize:N0}, prefetch on) from generated in-memory pages", PagingSizes, bytes, seconds))];
    }

    /// <summary>Measures <c>getdata_heap_growth</c>.</summary>
    /// <returns>The result.</returns>
    public static async Task<IReadOnlyList<RatioResult>> GetDataAsync()
    {
        async Task StreamAsync(long size, PeakHeap? heap)
        {
            var options = new ITwinIoTSocketOptions
            {
                WebSocketUrl = new Uri("ws://127.0.0.1:9/"),
                ApiKey = "generated",
                KeepAliveInterval = Timeout.InfiniteTimeSpan,
                TransportFactory = _ => ValueTask.FromResult<DigitalTwin.Sdk.Core.JsonRpc.IJsonRpcTransport>(new GeneratedDataRpcTransport(size, PointsPerFrame, StreamId)),
            };
            await using var client = new ITwinIoTSocketClient(options);
            await client.ConnectAsync().ConfigureAwait(false);
            long count = 0;
            double sum = 0;
            await foreach (var observation in client.GetDataAsync(new DataQuery(ITwinIoTEmulator.TiltSensorId, "ax", "deg")).ConfigureAwait(false))
            {
                sum += observation.Value;
                count++;
                if (heap is not null)
                {
                    await heap.ItemAsync().ConfigureAwait(false);
                }
            }

            GC.KeepAlive(sum);
            Check("getData", count, size);
        }

        var (ratio, bytes, seconds) = await GrowthAsync(GetDataSizes, StreamAsync, DataSamples, DataSettle, warmUpLargest: true).ConfigureAwait(false);
        PerformanceChart.RecordCurve(new GrowthCurve("getdata_heap_growth", "iTwin IoT getData points", GetDataSizes, Mebibytes(bytes)));
        return [new RatioResult("getdata_heap_growth", ratio, "<=", GrowthBudget, Detail($"ITwinIoTSocketClient.GetDataAsync over an in-memory transport generating frames of {PointsPerFrame:N0} points as the receive loop asks (client connected before the baseline)", GetDataSizes, bytes, seconds))];
    }

    /// <summary>Measures <c>scan_heap_growth</c>.</summary>
    /// <returns>The result.</returns>
    public static async Task<IReadOnlyList<RatioResult>> ScanAsync()
    {
        using var handler = new GeneratedScanHandler();
        using var transport = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new TandemOptions { BaseUrl = new Uri("http://127.0.0.1:9/tandem/v1/"), ClientId = "benchmark", ClientSecret = "benchmark" };
        using var client = new TandemClient(options, credential: new FixedTokenProvider(), transport: transport);
        var model = ModelUrn.Parse("urn:adsk.dtm:benchmark-model");

        async Task ScanRowsAsync(long size, PeakHeap? heap)
        {
            handler.Rows = size;
            long count = 0;
            await foreach (var row in client.ModelData.ScanRowsAsync(model).ConfigureAwait(false))
            {
                if (row.Columns.Count > 0)
                {
                    count++;
                    heap?.Item();
                }
            }

            Check("scan", count, size);
        }

        var (ratio, bytes, seconds) = await GrowthAsync(ScanSizes, ScanRowsAsync).ConfigureAwait(false);
        PerformanceChart.RecordCurve(new GrowthCurve("scan_heap_growth", "Tandem elements scanned", ScanSizes, Mebibytes(bytes)));
        return [new RatioResult("scan_heap_growth", ratio, "<=", GrowthBudget, Detail("TandemClient.ModelData.ScanRowsAsync (streamed rows) over an in-memory handler writing the scan body as it is read", ScanSizes, bytes, seconds))];
    }

    /// <summary>
    /// Measures the peak live heap of <paramref name="work"/> at every size in <see cref="Rounds"/> rounds (sizes in
    /// alternating order), after one unmeasured warm-up at the smallest size (at the largest with
    /// <paramref name="warmUpLargest"/>: getData's frames are rented from <c>ArrayPool&lt;SensorObservation&gt;.Shared</c>,
    /// which keeps returned arrays, up to its own per-core and per-thread bounds, as live heap; warmed up only at the
    /// smallest size the pool was still filling during the larger streams, and the ratio measured the pool filling up,
    /// 1.4–1.5 — after a full-size warm-up its arrays are in every baseline).
    /// </summary>
    private static async Task<(double Ratio, List<double>[] Bytes, double[] MedianSeconds)> GrowthAsync(long[] sizes, Func<long, PeakHeap?, Task> work, int samples = PeakHeap.SampleCount, TimeSpan settle = default, bool warmUpLargest = false)
    {
        await work(warmUpLargest ? sizes[^1] : sizes[0], null).ConfigureAwait(false);
        var bytes = sizes.Select(_ => new List<double>()).ToArray();
        var seconds = sizes.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < sizes.Length; k++)
            {
                var i = round % 2 == 0 ? k : sizes.Length - 1 - k;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var (peak, _) = await PeakHeap.MeasureAsync(sizes[i], h => work(sizes[i], h), samples, settle).ConfigureAwait(false);
                seconds[i].Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
                bytes[i].Add(peak);
            }
        }

        return (Math.Round(Stats.Median(bytes[^1]) / Stats.Median(bytes[0]), 3), bytes, seconds.Select(Stats.Median).ToArray());
    }

    private static double[] Mebibytes(List<double>[] bytes) => [.. bytes.Select(b => Stats.Median(b) / 1024.0 / 1024.0)];

    private static string Detail(string what, long[] sizes, List<double>[] bytes, double[] medianSeconds)
    {
        const double MiB = 1024.0 * 1024.0;
        var points = string.Join(", ", sizes.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{Size(s)}: {Stats.Median(bytes[i]) / MiB:0.00} MiB ({bytes[i].Min() / MiB:0.00}–{bytes[i].Max() / MiB:0.00}) in {medianSeconds[i]:0.0} s")));
        return $"{what}; peak live heap above the start (full blocking collection at {PeakHeap.SampleCount:N0} evenly spread items, the same relative positions at every size), median of {Rounds}: {points}";
    }

    /// <summary>Formats a work size: 10k, 1M.</summary>
    /// <param name="size">The size.</param>
    /// <returns>The text.</returns>
    public static string Size(double size) => size switch
    {
        >= 1_000_000 => (size / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (size / 1_000).ToString("0.##", CultureInfo.InvariantCulture) + "k",
        _ => size.ToString("0", CultureInfo.InvariantCulture),
    };

    private static void Check(string what, long count, long expected)
    {
        if (count != expected)
        {
            throw new InvalidOperationException($"The {what} walk saw {count} items instead of {expected}.");
        }
    }

    /// <summary>A credential handing out one token valid for an hour (the scan needs no token endpoint).</summary>
    private sealed class FixedTokenProvider : ITokenProvider
    {
        private readonly AccessToken _token = new("benchmark-token", DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow);

        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => new(_token);

        public void Invalidate(AccessToken token)
        {
        }
    }
}
