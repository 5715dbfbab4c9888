
namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>
/// One entry sent to <c>POST timeseries/models/{modelID}/webhooks/generic</c>: the stream key (<c>id</c>), an optional
/// reading time (<c>timestamp</c>, RFC 3339 in UTC with milliseconds) and values named by property display name or qualified id.
/// </summary>
public sealed record StreamIngestItem
{
    /// <summary>Initializes an entry.</summary>
    /// <param name="streamKey">Element key of the stream, full or short; it is sent in <c>id</c> as the FULL key (a short key gets the logical prefix: every stream is a logical element).</param>
    /// <param name="values">Values by property name (e.g. <c>Temperature</c>) or qualified id (e.g. <c>z:Dg</c>).</param>
    /// <param name="timestamp">When the values were measured; <see langword="null"/> lets the service use its receive time.</param>
    /// <exception cref="ArgumentException"><paramref name="streamKey"/> is <see langword="default"/> (no key), or <paramref name="values"/> is empty or uses a reserved name (<c>id</c>, <c>timestamp</c>, <c>time</c>, <c>epoch</c>).</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public StreamIngestItem(ElementKey streamKey, IReadOnlyDictionary<string, double> values, DateTimeOffset? timestamp = null)
    {
        if (streamKey.IsEmpty)
        {
            throw new ArgumentException("A stream key is required (default(ElementKey) is no key).", nameof(streamKey));
        }

        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("At least one value is required.", nameof(values));
        }

        if (values.Keys.Any(ReservedNames.Contains))
        {
            throw new ArgumentException("'id', 'timestamp', 'time' and 'epoch' are reserved names in an ingest entry (the stream and the reading time).", nameof(values));
        }

        StreamKey = streamKey.IsFull ? streamKey : streamKey.ToFull(ElementKeyKind.Logical);
        Values = values;
        Timestamp = timestamp;
    }

    /// <summary>Gets the names the service reads as the stream key or the reading time, so they cannot name a value.</summary>
    public static IReadOnlySet<string> ReservedNames { get; } = new HashSet<string>(["id", "timestamp", "time", "epoch"], StringComparer.Ordinal);

    /// <summary>Gets the FULL element key of the stream, as sent in <c>id</c>.</summary>
    public ElementKey StreamKey { get; }

    /// <summary>Gets the values by property name or qualified id.</summary>
    public IReadOnlyDictionary<string, double> Values { get; }

    /// <summary>Gets when the values were measured.</summary>
    public DateTimeOffset? Timestamp { get; }
}
