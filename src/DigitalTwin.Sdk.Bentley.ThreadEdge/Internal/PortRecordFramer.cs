using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>
/// Splits a byte stream into records at end-of-message delimiters (a port's <c>DELIMITERS_HEX</c>), whatever way the
/// stream was cut into WebSocket frames: a delimiter may be split across frames and several records may share one.
/// </summary>
/// <remarks>
/// <para>With several delimiters the earliest match wins; at the same position the longest wins, and a shorter match is held
/// back while the buffered tail could still become a longer delimiter (so <c>0D0A</c> beats <c>0D</c> even when the
/// <c>0A</c> arrives in the next frame). Not thread-safe: use one framer per stream.</para>
/// <para>Use: <see cref="Push"/> a chunk, then <see cref="TryRead"/> until it returns <see langword="false"/>, then push
/// the next chunk. Delimiters are searched in place; a record that lies wholly inside a pushed chunk is a slice of that
/// chunk (no copy), so a pushed chunk must not change afterwards. Only the bytes of a record that spans chunks are kept in
/// one reusable buffer, and such a record is copied out of it once.</para>
/// </remarks>
internal sealed class PortRecordFramer
{
    private readonly byte[][] _delimiters;
    private readonly string[] _delimiterHex;
    private readonly int _maxRecordLength;

    // The partial record carried over between chunks (and, while a chunk is appended to it, that chunk too).
    private byte[] _pending = [];
    private int _pendingLength;

    // The bytes not yet read: a slice of the pushed chunk, or of _pending when _windowInPending.
    private ReadOnlyMemory<byte> _window;
    private bool _windowInPending;

    // The chunk last pushed and where it starts in _pending when it was appended there (to slice it again once read past).
    private ReadOnlyMemory<byte> _chunk;
    private int _chunkStartInPending;

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

    /// <summary>Gets the number of buffered bytes not yet part of a complete record (after <see cref="TryRead"/> returned
    /// <see langword="false"/>).</summary>
    public int PendingLength => _pendingLength;

    /// <summary>Adds bytes and returns every record they complete.</summary>
    /// <param name="data">The next bytes of the stream (copied: the records do not refer to them).</param>
    /// <returns>The completed records, in order; often empty.</returns>
    public IReadOnlyList<PortRecord> Append(ReadOnlySpan<byte> data)
    {
        Push(data.ToArray());
        List<PortRecord>? records = null;
        while (TryRead(out var record))
        {
            (records ??= []).Add(record);
        }

        return records ?? (IReadOnlyList<PortRecord>)[];
    }

    /// <summary>Adds the next chunk of the stream; read the records it completes with <see cref="TryRead"/> before pushing again.</summary>
    /// <param name="data">The next bytes; records may be slices of it, so it must not change afterwards.</param>
    public void Push(ReadOnlyMemory<byte> data)
    {
        _chunk = data;
        if (_pendingLength == 0)
        {
            _window = data;
            _windowInPending = false;
            return;
        }

        EnsurePendingCapacity(_pendingLength + data.Length);
        data.Span.CopyTo(_pending.AsSpan(_pendingLength));
        _chunkStartInPending = _pendingLength;
        _pendingLength += data.Length;
        _window = _pending.AsMemory(0, _pendingLength);
        _windowInPending = true;
    }

    /// <summary>Reads the next record completed by the pushed bytes.</summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="false"/> when the pushed bytes complete no further record (the rest is kept for the next chunk).</returns>
    public bool TryRead(out PortRecord record)
    {
        var rest = _window.Span;
        var (index, delimiter) = FindDelimiter(rest);
        int take, skip;
        string? delimiterHex;
        if (index >= 0 && index <= _maxRecordLength)
        {
            take = index;
            skip = index + _delimiters[delimiter].Length;
            delimiterHex = _delimiterHex[delimiter];
        }
        else if (rest.Length > _maxRecordLength)
        {
            take = _maxRecordLength;
            skip = _maxRecordLength;
            delimiterHex = null;
        }
        else
        {
            Keep();
            record = null!;
            return false;
        }

        // A slice of the pushed chunk is the caller's (immutable) memory; _pending is reused, so its bytes are copied out.
        var data = _windowInPending ? _window[..take].ToArray() : _window[..take];
        record = new PortRecord(data, delimiterHex);
        _window = _window[skip..];
        if (_windowInPending)
        {
            // Read past the carried-over bytes: the rest lies wholly in the chunk, so slice the chunk instead of copying.
            var position = _pendingLength - _window.Length;
            if (position >= _chunkStartInPending)
            {
                _window = _chunk[(position - _chunkStartInPending)..];
                _windowInPending = false;
                _pendingLength = 0;
            }
        }

        return true;
    }

    /// <summary>Returns the buffered bytes as an incomplete record (e.g. at the end of the stream) and clears them.</summary>
    /// <returns>The record, or <see langword="null"/> when nothing is buffered.</returns>
    public PortRecord? Flush()
    {
        if (_pendingLength == 0)
        {
            return null;
        }

        var record = new PortRecord(_pending.AsSpan(0, _pendingLength).ToArray(), null);
        _pendingLength = 0;
        return record;
    }

    /// <summary>Moves the unread bytes to the start of <see cref="_pending"/> and drops the references to the chunk.</summary>
    private void Keep()
    {
        var rest = _window.Span;
        if (_windowInPending)
        {
            var start = _pendingLength - rest.Length;
            if (start > 0)
            {
                _pending.AsSpan(start, rest.Length).CopyTo(_pending);
            }
        }
        else if (rest.Length > 0)
        {
            EnsurePendingCapacity(rest.Length);
            rest.CopyTo(_pending);
        }

        _pendingLength = rest.Length;
        _window = default;
        _windowInPending = false;
        _chunk = default;
    }

    private void EnsurePendingCapacity(int length)
    {
        if (_pending.Length >= length)
        {
            return;
        }

        var grown = new byte[Math.Max(length, Math.Max(256, _pending.Length * 2))];
        _pending.AsSpan(0, _pendingLength).CopyTo(grown);
        _pending = grown;
    }

    private (int Index, int Delimiter) FindDelimiter(ReadOnlySpan<byte> data)
    {
        if (_delimiters.Length == 1)
        {
            var single = _delimiters[0];
            var at = data.IndexOf(single);
            return at < 0 ? (-1, -1) : (at, 0);
        }

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
