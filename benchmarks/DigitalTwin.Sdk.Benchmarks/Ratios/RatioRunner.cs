using System.Diagnostics;

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
        RatioReport.Header("ratios");
        var all = new List<RatioResult>();
        foreach (var area in Areas)
        {
            if (args.Length > 0 ? !args.Contains(area.Area, StringComparer.OrdinalIgnoreCase) : OnlyWhenNamed.Contains(area.Area, StringComparer.Ordinal))
            {
                continue;
            }

            await RatioReport.RunAreaAsync(area.Area, area.Measure, ex => [.. area.Names.Select((n, i) => RatioResult.Failed(n, area.Ops[i], area.Targets[i], ex))], all).ConfigureAwait(false);
        }

        return RatioReport.Finish("ratios", all, started);
    }
}
