using BenchmarkDotNet.Running;
using DigitalTwin.Sdk.Benchmarks.Ratios;

if (args.Contains("--shares", StringComparer.Ordinal))
{
    await LoopbackShares.RunAsync().ConfigureAwait(false);
    return 0;
}

if (args.Contains("--ratios", StringComparer.Ordinal))
{
    return await RatioRunner.RunAsync(args.Where(a => a != "--ratios").ToArray()).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(RatioRunner).Assembly).Run(args);
return 0;
