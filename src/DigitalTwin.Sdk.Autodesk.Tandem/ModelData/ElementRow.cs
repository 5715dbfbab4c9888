using System.Text.Json;

namespace DigitalTwin.Sdk.Autodesk.Tandem.ModelData;

/// <summary>One element of a scan result: its key (<c>k</c>) and the requested columns keyed by qualified id.</summary>
public sealed record ElementRow
{
    /// <summary>Initializes a row.</summary>
    /// <param name="key">Element key.</param>
    /// <param name="columns">Columns by qualified id (<c>family:column</c>).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ElementRow(string key, IReadOnlyDictionary<string, JsonElement> columns)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(columns);
        Key = key;
        Columns = columns;
    }

    /// <summary>Gets the element key.</summary>
    public string Key { get; }

    /// <summary>Gets the columns by qualified id; with history, each value is an array of alternating timestamps and values.</summary>
    public IReadOnlyDictionary<string, JsonElement> Columns { get; }

    /// <summary>Gets a column as text.</summary>
    /// <param name="qualifiedColumn">Qualified id, e.g. <c>n:n</c> for the name.</param>
    /// <returns>The text (numbers in JSON form), or <see langword="null"/> when absent or null. For a history column, the newest value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="qualifiedColumn"/> is <see langword="null"/>.</exception>
    public string? GetString(string qualifiedColumn)
    {
        ArgumentNullException.ThrowIfNull(qualifiedColumn);
        if (!Columns.TryGetValue(qualifiedColumn, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var history = GetHistory(qualifiedColumn);
            if (history.Count == 0)
            {
                return null;
            }

            value = history[0].Value;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary>Gets the history of a column read with <see cref="ScanRequest.IncludeHistory"/>, in the order the service sent it.</summary>
    /// <param name="qualifiedColumn">Qualified id.</param>
    /// <returns>The versions; empty when the column is absent or was not read with history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="qualifiedColumn"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<PropertyVersion> GetHistory(string qualifiedColumn)
    {
        ArgumentNullException.ThrowIfNull(qualifiedColumn);
        if (!Columns.TryGetValue(qualifiedColumn, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var versions = new List<PropertyVersion>(value.GetArrayLength() / 2);
        var enumerator = value.EnumerateArray();
        while (enumerator.MoveNext())
        {
            var timestamp = enumerator.Current;
            if (!enumerator.MoveNext() || !timestamp.TryGetInt64(out var ms))
            {
                break;
            }

            versions.Add(new PropertyVersion(DateTimeOffset.FromUnixTimeMilliseconds(ms), enumerator.Current));
        }

        return versions;
    }
}
