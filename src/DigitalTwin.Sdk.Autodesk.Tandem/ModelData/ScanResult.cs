using System.Text.Json;

namespace DigitalTwin.Sdk.Autodesk.Tandem.ModelData;

/// <summary>The result of <c>POST modeldata/{modelID}/scan</c>: a version row followed by one row per element.</summary>
public sealed record ScanResult
{
    /// <summary>Initializes a result.</summary>
    /// <param name="version">The first (version) row as sent.</param>
    /// <param name="rows">The element rows.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is <see langword="null"/>.</exception>
    public ScanResult(JsonElement version, IReadOnlyList<ElementRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Version = version;
        Rows = rows;
    }

    /// <summary>Gets the version row (the first element of the response array) as sent.</summary>
    public JsonElement Version { get; }

    /// <summary>Gets the element rows, in the order the service sent them.</summary>
    public IReadOnlyList<ElementRow> Rows { get; }

    /// <summary>Parses the wire form: a JSON array whose first entry is the version row.</summary>
    /// <param name="array">The response array.</param>
    /// <returns>The result.</returns>
    /// <exception cref="JsonException">The response is not an array of objects, or a row has no string key <c>k</c>.</exception>
    internal static ScanResult Parse(JsonElement array)
    {
        try
        {
            return ParseCore(array);
        }
        catch (InvalidOperationException ex)
        {
            // Invalid UTF-8 or an unpaired surrogate inside a string: a malformed body, reported like any other.
            throw new JsonException("The scan result holds a string that is not valid UTF-8.", ex);
        }
    }

    private static ScanResult ParseCore(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            throw new JsonException("A scan response is a non-empty JSON array whose first entry is the version row.");
        }

        JsonElement version = default;
        var rows = new List<ElementRow>(array.GetArrayLength() - 1);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (index++ == 0)
            {
                version = item.Clone();
                continue;
            }

            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("k", out var key) || key.ValueKind != JsonValueKind.String)
            {
                throw new JsonException("Every scan row after the version row is an object with a string key 'k'.");
            }

            var columns = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in item.EnumerateObject())
            {
                if (property.Name != "k")
                {
                    columns[property.Name] = property.Value.Clone();
                }
            }

            rows.Add(new ElementRow(key.GetString()!, columns));
        }

        return new ScanResult(version, rows);
    }
}
