using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>
/// Reads the scan answer (<c>[version, row, row, …]</c>) incrementally from a stream: one row at a time, in memory
/// bounded by the largest row, whatever the size of the whole answer.
/// </summary>
internal static class ScanRowReader
{
    private const int InitialBufferSize = 64 * 1024;

    private enum Phase
    {
        BeforeArray,
        Version,
        Rows,
        Done,
    }

    /// <summary>Reads the rows of a scan answer as they arrive.</summary>
    /// <param name="stream">The response body.</param>
    /// <param name="includeHistory">Whether the scan asked for history.</param>
    /// <param name="onVersion">Receives the version row (the first entry), when given.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The element rows, in the order sent.</returns>
    /// <exception cref="JsonException">The body is not a scan answer (not an array, no version row, a malformed row, cut short).</exception>
    internal static async IAsyncEnumerable<ElementRow> ReadAsync(Stream stream, bool includeHistory, Action<JsonElement>? onVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var cursor = new Cursor();
        var rows = new List<ElementRow>();
        var start = 0;
        var end = 0;
        var final = false;
        try
        {
            while (true)
            {
                if (!final)
                {
                    if (end == buffer.Length)
                    {
                        if (start > 0)
                        {
                            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                            end -= start;
                            start = 0;
                        }
                        else
                        {
                            // One row larger than the buffer: grow it (the only growth; memory follows the largest row).
                            var grown = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            Buffer.BlockCopy(buffer, 0, grown, 0, end);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = grown;
                        }
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        final = true;
                    }

                    end += read;
                }

                start += Parse(buffer.AsSpan(start, end - start), final, cursor, includeHistory, rows, onVersion);
                if (start == end)
                {
                    start = end = 0;
                }

                foreach (var row in rows)
                {
                    yield return row;
                }

                rows.Clear();
                if (cursor.Phase == Phase.Done)
                {
                    yield break;
                }

                if (final)
                {
                    throw new JsonException(cursor.Phase == Phase.BeforeArray
                        ? "The scan response is empty; it should be a JSON array whose first entry is the version row."
                        : "The scan response ended before its closing ']'.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Builds a row from one entry of the answer (after the version row).</summary>
    /// <param name="item">The entry; the row keeps it, so it must own its memory (a clone or a parsed value).</param>
    /// <param name="includeHistory">Whether the scan asked for history.</param>
    /// <returns>The row.</returns>
    /// <exception cref="JsonException">The entry is not an object with a 20-byte key <c>k</c>, or a history column is not value/timestamp pairs.</exception>
    internal static ElementRow Build(JsonElement item, bool includeHistory)
    {
        try
        {
            return BuildCore(item, includeHistory);
        }
        catch (InvalidOperationException ex)
        {
            // Invalid UTF-8 or an unpaired surrogate inside a string: a malformed body, reported like any other.
            throw new JsonException("The scan result holds a string that is not valid UTF-8.", ex);
        }
    }

    private static ElementRow BuildCore(JsonElement item, bool includeHistory)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("k", out var keyElement) || keyElement.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("Every scan row after the version row is an object with a string key 'k'.");
        }

        if (!ElementKey.TryParse(keyElement.GetString(), out var key))
        {
            throw new JsonException("A scan row's key 'k' is not a base64url element key of 20 or 24 bytes.");
        }

        var columns = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            if (property.NameEquals("k"))
            {
                continue;
            }

            var value = property.Value;
            if (includeHistory)
            {
                CheckHistory(property.Name, value);
            }
            else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 1)
            {
                // Without skipArrays the service wraps every value in a one-element array.
                value = value[0];
            }

            columns[property.Name] = value;
        }

        return new ElementRow(key, columns, includeHistory);
    }

    private static void CheckHistory(string column, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() % 2 != 0)
        {
            throw new JsonException($"With history, column '{column}' is an array of value, timestamp pairs.");
        }

        var index = 0;
        foreach (var entry in value.EnumerateArray())
        {
            if (index++ % 2 == 1 && !ElementRow.TryReadTimestamp(entry, out _))
            {
                throw new JsonException($"With history, column '{column}' has a timestamp that is not epoch milliseconds.");
            }
        }
    }

    /// <summary>Parses what is complete in <paramref name="data"/>; returns the bytes consumed. Rows go to <paramref name="rows"/>.</summary>
    private static int Parse(ReadOnlySpan<byte> data, bool final, Cursor cursor, bool includeHistory, List<ElementRow> rows, Action<JsonElement>? onVersion)
    {
        var reader = new Utf8JsonReader(data, final, cursor.State);
        var consumed = 0;
        while (cursor.Phase != Phase.Done)
        {
            var before = reader.CurrentState;
            var beforeConsumed = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                break;
            }

            if (cursor.Phase == Phase.BeforeArray)
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new JsonException("A scan response is a JSON array whose first entry is the version row.");
                }

                cursor.Phase = Phase.Version;
            }
            else if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 0)
            {
                if (cursor.Phase == Phase.Version)
                {
                    throw new JsonException("A scan response is a non-empty JSON array whose first entry is the version row.");
                }

                cursor.Phase = Phase.Done;
            }
            else
            {
                var valueStart = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    // The entry is not complete yet: resume before it once more bytes are in.
                    cursor.State = before;
                    return beforeConsumed;
                }

                var entryReader = new Utf8JsonReader(data[valueStart..(int)reader.BytesConsumed]);
                var entry = JsonElement.ParseValue(ref entryReader);
                if (cursor.Phase == Phase.Version)
                {
                    onVersion?.Invoke(entry);
                    cursor.Phase = Phase.Rows;
                }
                else
                {
                    rows.Add(Build(entry, includeHistory));
                }
            }

            consumed = (int)reader.BytesConsumed;
            cursor.State = reader.CurrentState;
        }

        return consumed;
    }

    private sealed class Cursor
    {
        public JsonReaderState State { get; set; }

        public Phase Phase { get; set; }
    }
}
