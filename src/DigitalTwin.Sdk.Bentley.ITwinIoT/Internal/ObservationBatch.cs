using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

/// <summary>
/// One frame's observations in an array of its stream's <see cref="ObservationArrays"/>: a getData frame holds thousands
/// of points (5,000 × 40 bytes lands on the large object heap), so the stream takes the array back once the consumer
/// has walked it instead of allocating a new one per frame.
/// </summary>
/// <remarks>Owned by one consumer at a time: the receive loop fills it, the consumer reads it and then calls <see cref="Return"/>.</remarks>
internal sealed class ObservationBatch(SensorObservation[] items, int count, ObservationArrays owner)
{
    private SensorObservation[]? _items = items;

    /// <summary>Gets the number of observations.</summary>
    public int Count { get; } = count;

    /// <summary>Gets the observation at <paramref name="index"/>.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    /// <returns>The observation.</returns>
    public SensorObservation this[int index]
    {
        get
        {
            var items = _items ?? throw new ObjectDisposedException(nameof(ObservationBatch));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return items[index];
        }
    }

    /// <summary>Clears the used part (so the store keeps no sensor ids or value arrays alive) and gives the array back to its stream.</summary>
    public void Return()
    {
        var items = Interlocked.Exchange(ref _items, null);
        if (items is not null)
        {
            Array.Clear(items, 0, Count);
            owner.Return(items);
        }
    }
}
