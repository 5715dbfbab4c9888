namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Peak live managed heap of a streamed piece of work, above the heap before it. The work calls <see cref="Item"/> for
/// every item it consumes; at <see cref="SampleCount"/> points spread evenly over the items (each at a pseudo-random
/// offset inside its stretch, the same offsets for every size) the heap is collected fully and blocking
/// (<see cref="GC.GetTotalMemory(bool)"/> with <c>true</c>, which also stops the SDK's read-ahead threads wherever they
/// are) and the live size kept if it is the highest. Garbage never counts, only what is still reachable; a list that
/// grows or a cache never trimmed shows up as a peak that rises with the work. Every size gets the same number of
/// samples at the same relative positions, so a longer walk has no more chances than a short one to catch a rare
/// transient state (a sampler on a timer would take ten times the samples in a walk ten times as long, and its maximum
/// would rise with the length of the walk alone).
/// </summary>
public sealed class PeakHeap
{
    /// <summary>Samples per walk.</summary>
    public const int SampleCount = 1_000;

    private readonly long _baseline;
    private readonly long _step;
    private readonly TimeSpan _settle;
    private readonly Random _offsets = new(17);
    private long _next;
    private long _count;
    private long _peak;
    private int _samples;

    private PeakHeap(long items, int samples, TimeSpan settle)
    {
        _settle = settle;
        _step = Math.Max(1, items / samples);
        _next = _offsets.NextInt64(_step) + 1;
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Gets how many samples were taken.</summary>
    public int Samples => _samples;

    /// <summary>Runs <paramref name="work"/> over <paramref name="items"/> items and returns its peak live heap in bytes.</summary>
    /// <param name="items">Items the work will consume (sets the spacing of the samples).</param>
    /// <param name="work">The work; it calls <see cref="Item"/> (or <see cref="ItemAsync"/>) once per item consumed.</param>
    /// <param name="samples">Samples per walk.</param>
    /// <param name="settle">
    /// How long <see cref="ItemAsync"/> pauses the consumer before each sample, so that what the SDK reads ahead of
    /// the consumer reaches its bound (a full buffer) at every sample instead of wherever a race left it.
    /// </param>
    /// <returns>Peak live bytes above the baseline, and the samples taken.</returns>
    public static async Task<(long Bytes, int Samples)> MeasureAsync(long items, Func<PeakHeap, Task> work, int samples = SampleCount, TimeSpan settle = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var heap = new PeakHeap(items, samples, settle);
        await work(heap).ConfigureAwait(false);
        return (heap._peak, heap._samples);
    }

    /// <summary>Counts one consumed item; samples when a sample point is reached.</summary>
    public void Item()
    {
        if (++_count == _next)
        {
            Sample();
        }
    }

    /// <summary>Counts one consumed item; at a sample point pauses the consumer for the settle time, then samples.</summary>
    /// <returns>A task that completes when the item is counted (and sampled).</returns>
    public ValueTask ItemAsync() => ++_count == _next ? SettleAndSampleAsync() : ValueTask.CompletedTask;

    private async ValueTask SettleAndSampleAsync()
    {
        if (_settle > TimeSpan.Zero)
        {
            await Task.Delay(_settle).ConfigureAwait(false);
        }

        Sample();
    }

    private void Sample()
    {
        var live = GC.GetTotalMemory(forceFullCollection: true) - _baseline;
        _samples++;
        _peak = Math.Max(_peak, live);
        var stretch = (_count - 1) / _step;
        _next = ((stretch + 1) * _step) + _offsets.NextInt64(_step) + 1;
    }
}
