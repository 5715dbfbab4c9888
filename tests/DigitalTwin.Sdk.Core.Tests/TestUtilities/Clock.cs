using DigitalTwin.Sdk.Testing.Time;

namespace DigitalTwin.Sdk.Core.Tests.TestUtilities;

internal static class Clock
{
    /// <summary>Advances the manual clock in steps until <paramref name="task"/> completes (bounded: fails after 60 s of real time).</summary>
    public static async Task<T> DriveAsync<T>(this ManualTimeProvider time, Task<T> task, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The operation did not complete while driving the manual clock.");
            }

            await Task.Delay(1);
            time.Advance(step);
        }

        return await task;
    }
}
