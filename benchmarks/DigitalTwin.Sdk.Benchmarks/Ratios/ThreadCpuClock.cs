using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// CPU time consumed by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so a nanosecond-scale measurement
/// is not inflated by the time the thread spent descheduled on a loaded machine. Falls back to wall-clock time elsewhere.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Gets a value indicating whether thread CPU time is available (otherwise wall-clock time is used).</summary>
    public static bool IsThreadCpuTime { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>Reads the clock in seconds.</summary>
    /// <returns>Seconds of thread CPU time (or wall-clock time where unavailable).</returns>
    public static double Now() => IsThreadCpuTime && TryRead(out var seconds) ? seconds : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    private static bool TryRead(out double seconds)
    {
        var spec = default(Timespec);
        if (ClockGetTime(ClockThreadCpuTimeId, ref spec) == 0)
        {
            seconds = spec.Seconds + (spec.Nanoseconds / 1e9);
            return true;
        }

        seconds = 0;
        return false;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clockId, ref Timespec spec);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
