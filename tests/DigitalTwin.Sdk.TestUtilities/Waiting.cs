namespace DigitalTwin.Sdk.TestUtilities;

/// <summary>
/// Bounded polling for conditions that become true on another thread (a socket handler, a background loop).
/// Import with <c>using static DigitalTwin.Sdk.TestUtilities.Waiting;</c>.
/// </summary>
/// <remarks>
/// The timeout is only a safety net so that a broken test fails instead of hanging; tests never assert on how
/// long the wait took.
/// </remarks>
public static class Waiting
{
    /// <summary>How long <see cref="WaitUntilAsync(Func{bool}, TimeSpan?, string?)"/> waits when no timeout is given.</summary>
    /// <remarks>
    /// Generous on purpose: a first call in a cold test process (JIT, token, connection) on a CI machine running every
    /// test project at once took longer than 5 s; a correct test returns as soon as its condition holds.
    /// </remarks>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test if it does not hold within the timeout.</summary>
    /// <param name="condition">The condition to wait for; evaluated on the calling context.</param>
    /// <param name="timeout">Upper bound of real time to wait; defaults to <see cref="DefaultTimeout"/>.</param>
    /// <param name="what">What is being waited for, for the failure message.</param>
    /// <returns>A task that completes once <paramref name="condition"/> holds.</returns>
    /// <exception cref="Xunit.Sdk.XunitException">The condition did not hold within the timeout.</exception>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                // One last look: the condition may have become true while the deadline passed.
                Assert.True(condition(), $"Condition not met within {limit.TotalSeconds:0.#} s: {what ?? "(unnamed)"}");
                return;
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test if it does not hold within the timeout.</summary>
    /// <param name="what">What is being waited for, for the failure message.</param>
    /// <param name="condition">The condition to wait for.</param>
    /// <param name="timeout">Upper bound of real time to wait; defaults to <see cref="DefaultTimeout"/>.</param>
    /// <returns>A task that completes once <paramref name="condition"/> holds.</returns>
    public static Task WaitUntilAsync(string what, Func<bool> condition, TimeSpan? timeout = null) =>
        WaitUntilAsync(condition, timeout, what);

    /// <summary>
    /// Polls <paramref name="read"/> until its value has not changed for three polls 50 ms apart (at most 10 s), for a
    /// state that has no event to wait on, such as a server held back by full socket buffers.
    /// </summary>
    /// <param name="read">Reads the counter.</param>
    /// <returns>A task that completes once the counter has settled or the bound is reached.</returns>
    /// <remarks>
    /// Use only where no condition can be awaited, and assert on the value read afterwards. A premature return (a
    /// sender merely slow for 150 ms) reads a smaller value: it can hide an unbounded sender, never fail a correct one.
    /// </remarks>
    public static async Task WaitUntilStableAsync(Func<long> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var last = read();
        var stableFor = 0;
        for (var i = 0; i < 200 && stableFor < 3; i++)
        {
            await Task.Delay(50).ConfigureAwait(false);
            var now = read();
            stableFor = now == last ? stableFor + 1 : 0;
            last = now;
        }
    }
}
