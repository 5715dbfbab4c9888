using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// Records every <see cref="TaskScheduler.UnobservedTaskException"/> raised while the reliability suite runs
/// (hooked when the assembly loads), so each test class can force a collection at its end and assert none.
/// </summary>
internal static class UnobservedTaskExceptions
{
    private static readonly ConcurrentQueue<Exception> Seen = new();

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Test assembly: the hook must be in place before the first test starts.")]
    internal static void Hook() => TaskScheduler.UnobservedTaskException += (_, e) =>
    {
        Seen.Enqueue(e.Exception);
        e.SetObserved();
    };

    /// <summary>Collects garbage so abandoned faulted tasks are finalized, then fails on any unobserved exception.</summary>
    public static void AssertNone()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        GC.Collect();
        if (!Seen.IsEmpty)
        {
            var all = Seen.ToArray();
            Assert.Fail($"{all.Length} unobserved task exception(s); first: {all[0]}");
        }
    }
}
