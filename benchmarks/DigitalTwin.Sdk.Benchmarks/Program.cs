using BenchmarkDotNet.Running;
using DigitalTwin.Sdk.Benchmarks.Ratios;

if (args.Contains("--shares", StringComparer.Ordinal))
{
    await LoopbackShares.RunAsync().ConfigureAwait(false);
    return 0;
}

var quick = args.Contains("--ratios", StringComparer.Ordinal);
var scale = args.Contains("--scale", StringComparer.Ordinal);
if (quick || scale)
{
    // Both modes may run in one process (--ratios --scale); area names go to the mode that has them. The chart shows
    // what ran (docs/images/performance.png).
    var names = args.Where(a => a is not "--ratios" and not "--scale").ToArray();
    var scaleNames = names.Where(n => ScaleRunner.AreaNames.Contains(n, StringComparer.OrdinalIgnoreCase)).ToArray();
    var quickNames = names.Except(scaleNames).ToArray();
    var exit = 0;
    if (quick && (quickNames.Length > 0 || names.Length == 0 || !scale))
    {
        exit |= await RatioRunner.RunAsync(quickNames).ConfigureAwait(false);
    }

    if (scale && (scaleNames.Length > 0 || names.Length == 0 || !quick))
    {
        exit |= await ScaleRunner.RunAsync(scaleNames).ConfigureAwait(false);
    }

    PerformanceChart.WriteRecorded();
    return exit;
}

BenchmarkSwitcher.FromAssembly(typeof(RatioRunner).Assembly).Run(args);
return 0;
