using System.Diagnostics;
using System.Runtime.InteropServices;

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
        Console.WriteLine($"# DigitalTwin.Sdk scale ratios on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load average {LoadAverage()}");
        var all = new List<RatioResult>();
        foreach (var area in Areas)
        {
            if (args.Length > 0 && !args.Contains(area.Name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var areaStarted = Stopwatch.GetTimestamp();
            IReadOnlyList<RatioResult> results;
            try
            {
                results = await area.Measure().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                results = [RatioResult.Failed(area.Name, area.Op, area.Target, ex)];
            }

            foreach (var result in results)
            {
                Console.WriteLine(result.ToLine());
                Console.WriteLine($"#   {result.Detail}");
                PerformanceChart.Record(result);
                all.Add(result);
            }

            Console.WriteLine($"#   ({area.Name}: {Stopwatch.GetElapsedTime(areaStarted).TotalSeconds:0.0} s)");
        }

        var passed = all.Count(r => r.Pass);
        Console.WriteLine($"# {passed}/{all.Count} scale ratios pass in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; load average {LoadAverage()}");
        return passed == all.Count && all.Count > 0 ? 0 : 1;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
