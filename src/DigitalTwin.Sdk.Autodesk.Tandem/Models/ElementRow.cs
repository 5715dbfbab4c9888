using System.Text.Json;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>One element of a scan result: its key (<c>k</c>) and the requested columns keyed by qualified id.</summary>
/// <remarks>
/// A column read without history holds its value (the SDK unwraps the one-element arrays the service sends without
/// <see cref="ScanRequest.SkipArrays"/>). A column read with <see cref="ScanRequest.IncludeHistory"/> holds the array the
/// service sent, <c>[value, timestamp, value, timestamp, …]</c> (value first); read it with <see cref="GetHistory"/>.
/// </remarks>
public sealed record ElementRow
{
    /// <summary>The qualified id of the element-flags column, <c>n:a</c>.</summary>
    public const string ElementFlagsColumn = "n:a";

    /// <summary>Initializes a row.</summary>
    /// <param name="key">The element's short key.</param>
    /// <param name="columns">Columns by qualified id (<c>family:column</c>).</param>
    /// <param name="includesHistory">Whether every column holds a history array (<c>[value, timestamp, …]</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is <see langword="default"/>.</exception>
    public ElementRow(ElementKey key, IReadOnlyDictionary<string, JsonElement> columns, bool includesHistory = false)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (key.IsEmpty)
        {
            throw new ArgumentException("A row needs an element key.", nameof(key));
        }

        Key = key;
        Columns = columns;
        IncludesHistory = includesHistory;
    }

    /// <summary>Gets the element's short key (the scan's <c>k</c>); <see cref="ElementKey.ToFull(ElementFlags)"/> gives the timeseries API's form.</summary>
    public ElementKey Key { get; }

    /// <summary>Gets the columns by qualified id; with history, each value is the array of alternating values and timestamps.</summary>
    public IReadOnlyDictionary<string, JsonElement> Columns { get; }

    /// <summary>Gets a value indicating whether the row was read with <see cref="ScanRequest.IncludeHistory"/>.</summary>
    public bool IncludesHistory { get; }

    /// <summary>Gets the element's type from the column <c>n:a</c> (e.g. <see cref="ElementFlags.Stream"/>).</summary>
    /// <value><see langword="null"/> when the column was not read (ask for family <c>n</c> or column <c>n:a</c>) or is not a number.</value>
    public ElementFlags? Flags
    {
        get
        {
            var value = GetValue(ElementFlagsColumn);
            if (value is not { ValueKind: JsonValueKind.Number } number)
            {
                return null;
            }

            // The flags are a 32-bit pattern; the service may write the high values (0xfffffffe) signed.
            return number.TryGetUInt32(out var unsigned) ? (ElementFlags)unsigned
                : number.TryGetInt32(out var signed) ? (ElementFlags)unchecked((uint)signed)
                : null;
        }
    }

    /// <summary>Gets the full key of the element, as the timeseries API takes it.</summary>
    /// <returns>The key with the logical prefix for a logical element (stream, level, …), else the physical one.</returns>
    /// <exception cref="InvalidOperationException">The row has no element flags (<c>n:a</c>) to choose the prefix from.</exception>
    public ElementKey GetFullKey() =>
        Flags is { } flags
            ? Key.ToFull(flags)
            : throw new InvalidOperationException($"The row of {Key} has no element flags ('{ElementFlagsColumn}'): scan with family 'n' or column '{ElementFlagsColumn}'.");

    /// <summary>Gets the current value of a column.</summary>
    /// <param name="qualifiedColumn">Qualified id, e.g. <c>n:n</c>.</param>
    /// <returns>The value; for a history column the version with the newest timestamp; <see langword="null"/> when absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="qualifiedColumn"/> is <see langword="null"/>.</exception>
    public JsonElement? GetValue(string qualifiedColumn)
    {
        ArgumentNullException.ThrowIfNull(qualifiedColumn);
        if (!Columns.TryGetValue(qualifiedColumn, out var value))
        {
            return null;
        }

        if (!IncludesHistory)
        {
            return value;
        }

        PropertyVersion? newest = null;
        foreach (var version in GetHistory(qualifiedColumn))
        {
            if (newest is null || version.Timestamp > newest.Value.Timestamp)
            {
                newest = version;
            }
        }

        return newest?.Value;
    }

    /// <summary>Gets a column as text.</summary>
    /// <param name="qualifiedColumn">Qualified id, e.g. <c>n:n</c> for the name.</param>
    /// <returns>
    /// The text (numbers, booleans, arrays and objects in JSON form), or <see langword="null"/> when absent or null. For a
    /// history column, the newest value.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="qualifiedColumn"/> is <see langword="null"/>.</exception>
    public string? GetString(string qualifiedColumn) =>
        GetValue(qualifiedColumn) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            { } other => other.GetRawText(),
        };

    /// <summary>Gets the history of a column read with <see cref="ScanRequest.IncludeHistory"/>, in the order the service sent it.</summary>
    /// <param name="qualifiedColumn">Qualified id.</param>
    /// <returns>The versions; empty when the column is absent or the row was not read with history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="qualifiedColumn"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<PropertyVersion> GetHistory(string qualifiedColumn)
    {
        ArgumentNullException.ThrowIfNull(qualifiedColumn);
        if (!IncludesHistory || !Columns.TryGetValue(qualifiedColumn, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var versions = new List<PropertyVersion>(value.GetArrayLength() / 2);
        var enumerator = value.EnumerateArray();
        while (enumerator.MoveNext())
        {
            var versionValue = enumerator.Current;
            if (!enumerator.MoveNext() || !TryReadTimestamp(enumerator.Current, out var ms))
            {
                // The parser checked the shape of rows it built; a row built by hand with another shape ends here.
                break;
            }

            versions.Add(new PropertyVersion(DateTimeOffset.FromUnixTimeMilliseconds(ms), versionValue));
        }

        return versions;
    }

    /// <summary>Reads a history timestamp: epoch milliseconds as an integer (or a whole-valued double).</summary>
    internal static bool TryReadTimestamp(JsonElement element, out long milliseconds)
    {
        milliseconds = 0;
        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (element.TryGetInt64(out milliseconds))
        {
            return milliseconds >= -62_135_596_800_000L && milliseconds <= 253_402_300_799_999L;
        }

        if (element.TryGetDouble(out var d) && d == Math.Floor(d) && d >= -62_135_596_800_000d && d <= 253_402_300_799_999d)
        {
            milliseconds = (long)d;
            return true;
        }

        return false;
    }
}
