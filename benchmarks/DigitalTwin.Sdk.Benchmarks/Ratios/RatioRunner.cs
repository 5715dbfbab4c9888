using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>The quick mode: measures every ratio side by side and prints one verdict line per ratio.</summary>
public static class RatioRunner
{
    private static readonly (string Area, string[] Names, string[] Ops, double[] Targets, Func<Task<IReadOnlyList<RatioResult>>> Measure)[] Areas =
    [
        ("rest", ["rest_get_time", "rest_get_alloc", "rest_get_loopback_time"], ["<=", "<=", "<="], [RestGetRatios.TimeBudget, RestGetRatios.AllocBudget, RestGetRatios.LoopbackBudget], RestGetRatios.MeasureAsync),
        ("paging", ["paging_speedup", "paging_heap_pages"], [">=", "<="], [1.6, 3], PagingRatios.MeasureAsync),
        ("jsonrpc", ["jsonrpc_throughput"], [">="], [0.80], JsonRpcRatios.MeasureAsync),
        ("getdata", ["getdata_bytes_per_point", "getdata_vs_reader"], ["<=", ">="], [64, 0.50], GetDataRatios.MeasureAsync),
        ("token", ["token_cold_requests", "token_cached_ns"], ["=", "<"], [1, 100], TokenRatios.MeasureAsync),
        ("ratelimit", ["ratelimit_429s", "ratelimit_rate"], ["=", ">="], [0, 9.0], RateLimitRatios.MeasureAsync),
        ("peers", ["rest_vs_diy_time", "rest_vs_diy_alloc", "jsonrpc_vs_streamjsonrpc", "ports_vs_raw_socket"], ["<=", "<=", ">=", ">="], [PeerRestRatios.TimeBudget, PeerRestRatios.AllocBudget, PeerJsonRpcRatios.Target, PeerPortRatios.Target], PeerRatios.MeasureAsync),
        ("scaleout", ["redis_acquire_us", "shared_token_hit_ratio", "scaleout_16_rate", "scaleout_16_429s"], ["<=", "<=", ">=", "="], [500, 1.2, 9.0, 0], ScaleOutRatios.MeasureAsync),
    ];

    /// <summary>Areas that run only when named (they need redis-server and start 16 processes: about a minute).</summary>
    private static readonly string[] OnlyWhenNamed = ["scaleout"];

    /// <summary>Runs the areas named in <paramref name="args"/> (all when none) and prints the verdicts.</summary>
    /// <param name="args">Optional area names: rest, paging, jsonrpc, getdata, token, ratelimit, and scaleout (only when named).</param>
    /// <returns>0 when every ratio passes, 1 otherwise.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var started = Stopwatch.GetTimestamp();
        Console.WriteLine($"# DigitalTwin.Sdk ratios on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load average {LoadAverage()}");
        var all = new List<RatioResult>();
        foreach (var area in Areas)
        {
            if (args.Length > 0 ? !args.Contains(area.Area, StringComparer.OrdinalIgnoreCase) : OnlyWhenNamed.Contains(area.Area, StringComparer.Ordinal))
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
                results = [.. area.Names.Select((n, i) => RatioResult.Failed(n, area.Ops[i], area.Targets[i], ex))];
            }

            foreach (var result in results)
            {
                Console.WriteLine(result.ToLine());
                Console.WriteLine($"#   {result.Detail}");
                PerformanceChart.Record(result);
                all.Add(result);
            }

            Console.WriteLine($"#   ({area.Area}: {Stopwatch.GetElapsedTime(areaStarted).TotalSeconds:0.0} s)");
        }

        var passed = all.Count(r => r.Pass);
        Console.WriteLine($"# {passed}/{all.Count} ratios pass in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; load average {LoadAverage()}");
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
