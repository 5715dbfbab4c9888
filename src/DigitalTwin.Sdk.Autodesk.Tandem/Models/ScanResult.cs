using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

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

    /// <summary>Parses the wire form held in memory: a JSON array whose first entry is the version row.</summary>
    /// <param name="array">The response array.</param>
    /// <param name="includeHistory">Whether the scan asked for history (every column an array of value, timestamp pairs).</param>
    /// <returns>The result.</returns>
    /// <exception cref="JsonException">The response is not an array, or a row is not an object with a key <c>k</c> of 20 bytes.</exception>
    internal static ScanResult Parse(JsonElement array, bool includeHistory = false)
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

            rows.Add(ScanRowReader.Build(item.Clone(), includeHistory));
        }

        return new ScanResult(version, rows);
    }
}
