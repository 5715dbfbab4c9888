using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// What the quick mode and the scale mode print alike: the header, each area's verdict and detail lines (recorded for the
/// chart), the area's duration, and the closing count.
/// </summary>
internal static class RatioReport
{
    /// <summary>Prints the header of a run.</summary>
    /// <param name="what">What is measured ("ratios", "scale ratios").</param>
    public static void Header(string what) =>
        Console.WriteLine($"# DigitalTwin.Sdk {what} on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load average {LoadAverage()}");

    /// <summary>Measures one area, prints and records its results (a failed measurement fails its ratios), and adds them to <paramref name="all"/>.</summary>
    /// <param name="name">The area's name.</param>
    /// <param name="measure">Measures the area.</param>
    /// <param name="failed">The results of the area's ratios when <paramref name="measure"/> throws.</param>
    /// <param name="all">The run's results so far.</param>
    /// <returns>A task that completes when the area is done.</returns>
    public static async Task RunAreaAsync(string name, Func<Task<IReadOnlyList<RatioResult>>> measure, Func<Exception, IReadOnlyList<RatioResult>> failed, List<RatioResult> all)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<RatioResult> results;
        try
        {
            results = await measure().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            results = failed(ex);
        }

        foreach (var result in results)
        {
            Console.WriteLine(result.ToLine());
            Console.WriteLine($"#   {result.Detail}");
            PerformanceChart.Record(result);
            all.Add(result);
        }

        Console.WriteLine($"#   ({name}: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)");
    }

    /// <summary>Prints the closing count of a run.</summary>
    /// <param name="what">What was measured.</param>
    /// <param name="all">The run's results.</param>
    /// <param name="started">When the run started (a <see cref="Stopwatch"/> timestamp).</param>
    /// <returns>0 when every ratio passed (and there was one), 1 otherwise.</returns>
    public static int Finish(string what, IReadOnlyList<RatioResult> all, long started)
    {
        var passed = all.Count(r => r.Pass);
        Console.WriteLine($"# {passed}/{all.Count} {what} pass in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; load average {LoadAverage()}");
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
