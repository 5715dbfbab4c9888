namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>Robust statistics for noisy, shared machines: medians of per-round values.</summary>
public static class Stats
{
    /// <summary>Returns the median of <paramref name="values"/>.</summary>
    /// <param name="values">At least one value.</param>
    /// <returns>The median.</returns>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// Runs <paramref name="rounds"/> paired rounds of A and B (order alternating each round so neither side always runs
    /// first on a warm cache) and returns the median of the per-round ratios A ÷ B.
    /// </summary>
    /// <param name="rounds">Number of rounds.</param>
    /// <param name="measureA">Measures A once (e.g. elapsed seconds of a batch).</param>
    /// <param name="measureB">Measures B once.</param>
    /// <returns>Median of the per-round ratios, and the medians of A and B.</returns>
    public static async Task<(double Ratio, double MedianA, double MedianB)> PairedMedianAsync(int rounds, Func<Task<double>> measureA, Func<Task<double>> measureB)
    {
        ArgumentNullException.ThrowIfNull(measureA);
        ArgumentNullException.ThrowIfNull(measureB);
        var ratios = new List<double>(rounds);
        var a = new List<double>(rounds);
        var b = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            double va, vb;
            if (i % 2 == 0)
            {
                va = await measureA().ConfigureAwait(false);
                vb = await measureB().ConfigureAwait(false);
            }
            else
            {
                vb = await measureB().ConfigureAwait(false);
                va = await measureA().ConfigureAwait(false);
            }

            a.Add(va);
            b.Add(vb);
            ratios.Add(va / vb);
        }

        return (Median(ratios), Median(a), Median(b));
    }

    /// <summary>
    /// Warms two sides up until the JIT has settled: rounds of <paramref name="runA"/> then <paramref name="runB"/>, with a
    /// pause after each so the background tier-1 compiler (starved on a loaded machine) catches up, until both sides'
    /// last two rounds are each within 5 % of that side's fastest round so far (at least 5, at most
    /// <paramref name="maxRounds"/>). Two similar rounds alone are not enough: code that is still at tier 0 runs at a
    /// steady but slow pace, and measuring it compares JIT tiers, not the two implementations.
    /// </summary>
    /// <param name="runA">One round of side A, returning its elapsed seconds.</param>
    /// <param name="runB">One round of side B, returning its elapsed seconds.</param>
    /// <param name="maxRounds">Most rounds to run.</param>
    /// <returns>The number of rounds run.</returns>
    public static async Task<int> WarmUpAsync(Func<Task<double>> runA, Func<Task<double>> runB, int maxRounds = 16)
    {
        ArgumentNullException.ThrowIfNull(runA);
        ArgumentNullException.ThrowIfNull(runB);
        double bestA = double.MaxValue, bestB = double.MaxValue, lastA = double.MaxValue, lastB = double.MaxValue;
        for (var round = 1; round <= maxRounds; round++)
        {
            var a = await runA().ConfigureAwait(false);
            var b = await runB().ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromMilliseconds(150)).ConfigureAwait(false);
            (bestA, bestB) = (Math.Min(bestA, a), Math.Min(bestB, b));
            if (round >= 5 && Math.Max(a, lastA) < 1.05 * bestA && Math.Max(b, lastB) < 1.05 * bestB)
            {
                return round;
            }

            (lastA, lastB) = (a, b);
        }

        return maxRounds;
    }
}
