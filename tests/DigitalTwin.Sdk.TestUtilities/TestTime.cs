using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.TestUtilities;

/// <summary>Fixed points in time and clock helpers shared by the tests.</summary>
public static class TestTime
{
    /// <summary>The instant fake clocks start at unless a test says otherwise: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Creates a <see cref="FakeTimeProvider"/> starting at <paramref name="start"/> (default <see cref="Start"/>).</summary>
    /// <param name="start">Initial UTC time.</param>
    /// <returns>A fake clock that moves only when the test advances it.</returns>
    public static FakeTimeProvider CreateClock(DateTimeOffset? start = null) => new(start ?? Start);

    /// <summary>
    /// Advances <paramref name="time"/> in steps until <paramref name="task"/> completes (bounded: fails after 60 s of
    /// real time), and returns its result.
    /// </summary>
    /// <typeparam name="T">The task's result type.</typeparam>
    /// <param name="time">The fake clock the code under test waits on.</param>
    /// <param name="task">The operation to drive.</param>
    /// <param name="step">How far to advance the clock per step.</param>
    /// <returns>The result of <paramref name="task"/>.</returns>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(task);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The operation did not complete while driving the fake clock.");
            }

            await Task.Delay(1).ConfigureAwait(false);
            time.Advance(step);
        }

        return await task.ConfigureAwait(false);
    }
}
