using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using System.Buffers;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>
/// Splits a byte stream into records at end-of-message delimiters (a port's <c>DELIMITERS_HEX</c>), whatever way the
/// stream was cut into WebSocket frames: a delimiter may be split across frames and several records may share one.
/// </summary>
/// <remarks>
/// With several delimiters the earliest match wins; at the same position the longest wins, and a shorter match is held
/// back while the buffered tail could still become a longer delimiter (so <c>0D0A</c> beats <c>0D</c> even when the
/// <c>0A</c> arrives in the next frame). Not thread-safe: use one framer per stream.
/// </remarks>
internal sealed class PortRecordFramer
{
    private readonly byte[][] _delimiters;
    private readonly string[] _delimiterHex;
    private readonly int _maxRecordLength;
    private readonly ArrayBufferWriter<byte> _pending = new();

    /// <summary>Initializes a framer.</summary>
    /// <param name="delimitersHex">Delimiters as hex strings, e.g. <c>0D0A</c>; at least one.</param>
    /// <param name="maxRecordLength">Longest record kept; a longer run without a delimiter is cut into incomplete records.</param>
    /// <exception cref="ArgumentException"><paramref name="delimitersHex"/> is empty or an entry is not even-length hex.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRecordLength"/> is not positive.</exception>
    public PortRecordFramer(IEnumerable<string> delimitersHex, int maxRecordLength = 64 * 1024)
    {
        ArgumentNullException.ThrowIfNull(delimitersHex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecordLength);
        var hex = new List<string>();
        foreach (var item in delimitersHex)
        {
            if (!Internal.EdgeArguments.IsHex(item))
            {
                throw new ArgumentException($"Delimiter '{item}' is not an even-length hex string such as 0D0A.", nameof(delimitersHex));
            }

            var normalized = item.ToUpperInvariant();
            if (!hex.Contains(normalized))
            {
                hex.Add(normalized);
            }
        }

        if (hex.Count == 0)
        {
            throw new ArgumentException("Give at least one delimiter, e.g. 0D0A.", nameof(delimitersHex));
        }

        _delimiterHex = [.. hex];
        _delimiters = [.. hex.Select(Convert.FromHexString)];
        _maxRecordLength = maxRecordLength;
    }

    /// <summary>Gets the number of buffered bytes not yet part of a complete record.</summary>
    public int PendingLength => _pending.WrittenCount;

    /// <summary>Adds bytes and returns every record they complete.</summary>
    /// <param name="data">The next bytes of the stream.</param>
    /// <returns>The completed records, in order; often empty.</returns>
    public IReadOnlyList<PortRecord> Append(ReadOnlySpan<byte> data)
    {
        _pending.Write(data);
        var records = new List<PortRecord>();
        var consumed = 0;
        while (true)
        {
            var rest = _pending.WrittenSpan[consumed..];
            var (index, delimiter) = FindDelimiter(rest);
            if (index < 0 || index > _maxRecordLength)
            {
                if (rest.Length > _maxRecordLength)
                {
                    records.Add(new PortRecord(rest[.._maxRecordLength].ToArray(), null));
                    consumed += _maxRecordLength;
                    continue;
                }

                break;
            }

            records.Add(new PortRecord(rest[..index].ToArray(), _delimiterHex[delimiter]));
            consumed += index + _delimiters[delimiter].Length;
        }

        if (consumed > 0)
        {
            var left = _pending.WrittenSpan[consumed..].ToArray();
            _pending.ResetWrittenCount();
            _pending.Write(left);
        }

        return records;
    }

    /// <summary>Returns the buffered bytes as an incomplete record (e.g. at the end of the stream) and clears them.</summary>
    /// <returns>The record, or <see langword="null"/> when nothing is buffered.</returns>
    public PortRecord? Flush()
    {
        if (_pending.WrittenCount == 0)
        {
            return null;
        }

        var record = new PortRecord(_pending.WrittenSpan.ToArray(), null);
        _pending.ResetWrittenCount();
        return record;
    }

    private (int Index, int Delimiter) FindDelimiter(ReadOnlySpan<byte> data)
    {
        var bestIndex = -1;
        var best = -1;
        for (var i = 0; i < _delimiters.Length; i++)
        {
            var index = data.IndexOf(_delimiters[i]);
            if (index >= 0 && (bestIndex < 0 || index < bestIndex || (index == bestIndex && _delimiters[i].Length > _delimiters[best].Length)))
            {
                bestIndex = index;
                best = i;
            }
        }

        if (bestIndex < 0)
        {
            return (-1, -1);
        }

        // Hold back while a longer delimiter could still complete at the same position with the next bytes.
        var tail = data[bestIndex..];
        foreach (var longer in _delimiters)
        {
            if (longer.Length > _delimiters[best].Length && tail.Length < longer.Length && longer.AsSpan().StartsWith(tail))
            {
                return (-1, -1);
            }
        }

        return (bestIndex, best);
    }
}
