using System.Numerics;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

/// <summary>
/// One stream's own store of observation arrays: the receive loop takes one per frame and the consumer gives it back
/// once it has walked the frame, so a stream of any length circulates a handful of arrays. Owned by the stream (not
/// the process-wide shared pool, whose per-thread and per-core caches keep more arrays the more threads a long stream
/// happens to run on), and dropped with it.
/// </summary>
/// <remarks>Thread-safe: taken on the receive loop, given back on the consumer's thread.</remarks>
internal sealed class ObservationArrays
{
    /// <summary>Arrays kept for reuse at most; one given back beyond them is left to the garbage collector.</summary>
    private const int MaxKept = 8;

    private const int MinimumLength = 256;

    private readonly Stack<SensorObservation[]> _free = new();
    private readonly Lock _gate = new();

    /// <summary>Takes an array of at least <paramref name="minimumLength"/> items.</summary>
    /// <param name="minimumLength">The items it must hold.</param>
    /// <returns>A kept array, or a new one (a power of two of at least 256 items).</returns>
    public SensorObservation[] Rent(int minimumLength)
    {
        lock (_gate)
        {
            while (_free.TryPop(out var kept))
            {
                if (kept.Length >= minimumLength)
                {
                    return kept;
                }
            }
        }

        return new SensorObservation[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(MinimumLength, minimumLength))];
    }

    /// <summary>Gives back an array whose used part the caller has cleared.</summary>
    /// <param name="array">The array.</param>
    public void Return(SensorObservation[] array)
    {
        lock (_gate)
        {
            if (_free.Count < MaxKept)
            {
                _free.Push(array);
            }
        }
    }
}
