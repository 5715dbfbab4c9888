namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>The body of <c>POST modeldata/{modelID}/history</c>: which change-history entries to read.</summary>
/// <remarks>
/// Field names from the vendor's samples (<c>autodesk-tandem/tutorial-rest</c> <c>common/tandemClient.js</c>,
/// <c>tutorial-rest-python</c>) and the official OpenAPI (<c>limit</c>, <c>typeFilter</c>). Times travel as epoch milliseconds.
/// </remarks>
public sealed record HistoryRequest
{
    /// <summary>Gets the earliest change to return.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public DateTimeOffset? Min { get; init; }

    /// <summary>Gets the latest change to return.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public DateTimeOffset? Max { get; init; }

    /// <summary>Gets exact change timestamps to return.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public IReadOnlyList<DateTimeOffset>? Timestamps { get; init; }

    /// <summary>Gets a value indicating whether each entry lists the keys of the changed elements (<see cref="HistoryEntry.Keys"/>).</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool IncludeChanges { get; init; }

    /// <summary>Gets a value indicating whether the keys of changed elements come as full (24-byte) keys rather than short ones.</summary>
    /// <value>Defaults to <see langword="false"/> (short keys, which match a scan row's <see cref="ElementRow.Key"/>).</value>
    public bool UseFullKeys { get; init; }

    /// <summary>Gets the largest number of entries to return.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public int? Limit { get; init; }

    /// <summary>Gets the change type to keep, e.g. <c>mutate</c> (the values of <see cref="HistoryEntry.Operation"/>).</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public string? TypeFilter { get; init; }
}
