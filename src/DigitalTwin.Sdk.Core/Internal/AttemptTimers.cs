using System.Collections.Concurrent;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Reusable timeout sources for first attempts (see <see cref="ResilienceHandler"/>): a source whose timer did not fire
/// is reset and kept, so a call on the common path allocates no source and no timer. At most 64 are kept.
/// </summary>
/// <remarks>Thread-safe. Sources of a clock other than the system clock (tests) are not kept.</remarks>
internal sealed class AttemptTimers(TimeProvider time)
{
    private const int MaxKept = 64;
    private readonly ConcurrentQueue<CancellationTokenSource> _kept = new();
    private int _count;

    /// <summary>Gets a source that cancels after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">Positive timeout.</param>
    /// <returns>The source; hand it back with <see cref="Return"/>.</returns>
    public CancellationTokenSource Rent(TimeSpan timeout)
    {
        if (time != TimeProvider.System)
        {
            return new CancellationTokenSource(timeout, time);
        }

        if (_kept.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref _count);
        }
        else
        {
            source = new CancellationTokenSource();
        }

        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>Takes a source back: kept when it was not cancelled, disposed otherwise.</summary>
    /// <param name="source">A source from <see cref="Rent"/>.</param>
    public void Return(CancellationTokenSource source)
    {
        if (time == TimeProvider.System && source.TryReset())
        {
            if (Interlocked.Increment(ref _count) <= MaxKept)
            {
                _kept.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref _count);
        }

        source.Dispose();
    }
}
