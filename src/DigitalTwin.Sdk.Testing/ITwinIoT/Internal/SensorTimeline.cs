namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <summary>A regular, generated (never stored) series of observations: <c>Start + i × Interval</c> for i in [0, Count).</summary>
internal sealed record SensorTimeline(DateTimeOffset Start, TimeSpan Interval, long Count, int Salt)
{
    public DateTimeOffset TimestampAt(long index) => Start + (Interval * index);

    /// <summary>First index at or after <paramref name="from"/>.</summary>
    public long FirstIndexFrom(DateTimeOffset? from)
    {
        if (from is null || from <= Start)
        {
            return 0;
        }

        var ticks = (from.Value - Start).Ticks;
        return Math.Min(Count, (ticks + Interval.Ticks - 1) / Interval.Ticks);
    }

    /// <summary>One past the last index at or before <paramref name="to"/>.</summary>
    public long EndIndexTo(DateTimeOffset? to)
    {
        if (to is null)
        {
            return Count;
        }

        if (to < Start)
        {
            return 0;
        }

        return Math.Min(Count, ((to.Value - Start).Ticks / Interval.Ticks) + 1);
    }

    public double ValueAt(long index, MetricDef metric) =>
        Math.Round((Math.Sin(((index + Salt) * 0.01) + metric.Id.Length) * metric.Amplitude) + metric.Offset, 6);
}
