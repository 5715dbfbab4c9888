using System.Diagnostics;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// The <c>peers</c> area (issue 17): the SDK side by side with what a developer would use instead — a Refit client on
/// <see cref="IHttpClientFactory"/> with the standard resilience handler, StreamJsonRpc, and a raw port socket loop.
/// Each peer runs on its own; one that cannot run fails its own ratios only.
/// </summary>
public static class PeerRatios
{
    private static readonly (string[] Names, string[] Ops, double[] Targets, Func<Task<IReadOnlyList<RatioResult>>> Measure)[] Peers =
    [
        (["rest_vs_diy_time", "rest_vs_diy_alloc"], ["<=", "<="], [PeerRestRatios.TimeBudget, PeerRestRatios.AllocBudget], PeerRestRatios.MeasureAsync),
        (["jsonrpc_vs_streamjsonrpc"], [">="], [PeerJsonRpcRatios.Target], PeerJsonRpcRatios.MeasureAsync),
        (["ports_vs_raw_socket"], [">="], [PeerPortRatios.Target], PeerPortRatios.MeasureAsync),
    ];

    /// <summary>Measures every peer ratio.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        var results = new List<RatioResult>();
        foreach (var peer in Peers)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var measured = await peer.Measure().ConfigureAwait(false);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                results.AddRange(measured.Select(r => r with { Detail = r.Detail + $"; {seconds:0.0} s" }));
            }
            catch (Exception ex)
            {
                results.AddRange(peer.Names.Select((n, i) => RatioResult.Failed(n, peer.Ops[i], peer.Targets[i], ex)));
            }
        }

        return results;
    }
}
