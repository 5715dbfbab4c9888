using System.Diagnostics;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// The scale mode (<c>--scale</c>): cost as the work grows, each ratio the largest size against the smallest measured
/// side by side in one run, printed like the quick mode (one verdict line per ratio and a <c>#</c> detail line).
/// </summary>
public static class ScaleRunner
{
    private static readonly (string Name, string Op, double Target, Func<Task<IReadOnlyList<RatioResult>>> Measure)[] Areas =
    [
        ("paging_heap_growth", "<=", ScaleHeapRatios.GrowthBudget, ScaleHeapRatios.PagingAsync),
        ("getdata_heap_growth", "<=", ScaleHeapRatios.GrowthBudget, ScaleHeapRatios.GetDataAsync),
        ("scan_heap_growth", "<=", ScaleHeapRatios.GrowthBudget, ScaleHeapRatios.ScanAsync),
        ("subscriptions_scale", "<=", ScaleCostRatios.SubscriptionsBudget, ScaleCostRatios.SubscriptionsAsync),
        ("rest_concurrency_scale", "<=", ScaleCostRatios.ConcurrencyBudget, ScaleCostRatios.RestConcurrencyAsync),
    ];

    /// <summary>Gets the names of the scale ratios (each is also its area's name).</summary>
    public static IReadOnlyList<string> AreaNames { get; } = [.. Areas.Select(a => a.Name)];

    /// <summary>Runs the scale ratios named in <paramref name="args"/> (all when none) and prints the verdicts.</summary>
    /// <param name="args">Optional ratio names.</param>
    /// <returns>0 when every ratio passes, 1 otherwise.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var started = Stopwatch.GetTimestamp();
        RatioReport.Header("scale ratios");
        var all = new List<RatioResult>();
        foreach (var area in Areas)
        {
            if (args.Length > 0 && !args.Contains(area.Name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            await RatioReport.RunAreaAsync(area.Name, area.Measure, ex => [RatioResult.Failed(area.Name, area.Op, area.Target, ex)], all).ConfigureAwait(false);
        }

        return RatioReport.Finish("scale ratios", all, started);
    }
}
