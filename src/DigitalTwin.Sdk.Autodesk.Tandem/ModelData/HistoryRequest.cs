namespace DigitalTwin.Sdk.Autodesk.Tandem.ModelData;

/// <summary>The body of <c>POST modeldata/{modelID}/history</c>: which change-history entries to read.</summary>
public sealed record HistoryRequest
{
    /// <summary>Gets the earliest change to return.</summary>
    /// <value>Defaults to <see langword="null"/> (no lower bound).</value>
    public DateTimeOffset? Min { get; init; }

    /// <summary>Gets the latest change to return.</summary>
    /// <value>Defaults to <see langword="null"/> (no upper bound).</value>
    public DateTimeOffset? Max { get; init; }

    /// <summary>Gets exact change timestamps to return.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public IReadOnlyList<DateTimeOffset>? Timestamps { get; init; }

    /// <summary>Gets a value indicating whether each entry lists the keys of the changed elements.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool IncludeChanges { get; init; }

    /// <summary>Gets a value indicating whether timestamps are returned at full (millisecond) precision.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool UseFullTimestamps { get; init; } = true;
}
