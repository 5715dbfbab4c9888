namespace DigitalTwin.Sdk.Core.Resilience;

/// <summary>
/// The SDK's one back-off rule, shared by HTTP retries, JSON-RPC reconnects and THREAD port reconnects: the delay
/// doubles from a base delay up to a cap, and a jitter of up to 20 % shortens it.
/// </summary>
/// <remarks>
/// The jitter only ever shortens the nominal delay, so many clients that failed together spread out, yet a caller never
/// waits longer than the nominal delay — and a test clock advanced by the nominal delay always fires the wait.
/// </remarks>
public static class Backoff
{
    /// <summary>The largest share of the nominal delay that jitter removes.</summary>
    public const double JitterRatio = 0.2;

    /// <summary>Gets the delay before retry number <paramref name="retry"/> (0 for the first retry), with jitter.</summary>
    /// <param name="retry">The zero-based retry number.</param>
    /// <param name="baseDelay">The delay before the first retry.</param>
    /// <param name="maxDelay">The cap on the nominal delay.</param>
    /// <returns>A delay in (0.8, 1.0] of <see cref="NominalDelay"/>.</returns>
    /// <remarks>A <paramref name="maxDelay"/> below <paramref name="baseDelay"/> caps every delay, the first too.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A negative <paramref name="retry"/> or delay.</exception>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay) =>
        Delay(retry, baseDelay, maxDelay, Random.Shared.NextDouble());

    /// <summary>Gets the delay before retry number <paramref name="retry"/> for a given random sample (deterministic).</summary>
    /// <param name="retry">The zero-based retry number.</param>
    /// <param name="baseDelay">The delay before the first retry.</param>
    /// <param name="maxDelay">The cap on the nominal delay.</param>
    /// <param name="sample">A random sample in [0, 1): 0 gives the nominal delay, values towards 1 shorten it by up to <see cref="JitterRatio"/>.</param>
    /// <returns>The delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative <paramref name="retry"/> or delay, or <paramref name="sample"/> outside [0, 1).</exception>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double sample)
    {
        if (sample is < 0 or >= 1 || double.IsNaN(sample))
        {
            throw new ArgumentOutOfRangeException(nameof(sample), sample, "The sample must be in [0, 1).");
        }

        return NominalDelay(retry, baseDelay, maxDelay) * (1 - (JitterRatio * sample));
    }

    /// <summary>Gets the delay before retry number <paramref name="retry"/> without jitter: <c>min(baseDelay × 2^retry, maxDelay)</c>.</summary>
    /// <param name="retry">The zero-based retry number.</param>
    /// <param name="baseDelay">The delay before the first retry.</param>
    /// <param name="maxDelay">The cap on the delay.</param>
    /// <returns>The nominal delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative <paramref name="retry"/> or delay.</exception>
    public static TimeSpan NominalDelay(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retry);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);

        // 2^30 × any positive base already exceeds every sensible cap; the shift stays far from overflow.
        var exponent = Math.Min(retry, 30);
        var ticks = baseDelay.Ticks <= maxDelay.Ticks >> exponent ? baseDelay.Ticks << exponent : maxDelay.Ticks;
        return TimeSpan.FromTicks(Math.Min(ticks, maxDelay.Ticks));
    }
}
