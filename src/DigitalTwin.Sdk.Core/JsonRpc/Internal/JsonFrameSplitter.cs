using System.Buffers;
using System.Text.Json;

namespace DigitalTwin.Sdk.Core.JsonRpc.Internal;

/// <summary>
/// Cuts a byte stream carrying back-to-back JSON values into whole messages, incrementally, with
/// <see cref="Utf8JsonReader"/> (so braces inside strings, escapes and split UTF-8 sequences are handled),
/// resuming from the saved reader state instead of rescanning the partial message on every read.
/// </summary>
/// <remarks>Not thread-safe: one reader.</remarks>
internal sealed class JsonFrameSplitter : IDisposable
{
    private readonly int _maxMessageSize;
    private byte[] _buffer;
    private int _start;   // first byte of the current (partial) message
    private int _scan;    // first byte not yet seen by the reader
    private int _end;     // end of received bytes
    private int _release; // where the previously returned message ended; freed on the next call
    private JsonReaderState _state;

    public JsonFrameSplitter(int maxMessageSize, int initialSize = 16 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageSize);
        _maxMessageSize = maxMessageSize;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(initialSize, maxMessageSize));
    }

    /// <summary>Gets a value indicating whether bytes of an unfinished message (other than whitespace) are buffered.</summary>
    public bool HasPartialMessage
    {
        get
        {
            var pending = _buffer.AsSpan(Math.Max(_start, _release), _end - Math.Max(_start, _release));
            return pending.IndexOfAnyExcept(" \t\r\n"u8) >= 0;
        }
    }

    /// <summary>Returns the next complete message, if the buffered bytes contain one.</summary>
    /// <param name="message">The message bytes, valid until the next call to any member.</param>
    /// <returns><see langword="true"/> when a message was found.</returns>
    /// <exception cref="JsonException">The bytes are not valid JSON.</exception>
    /// <exception cref="InvalidDataException">A message exceeds the maximum size.</exception>
    public bool TryReadMessage(out ReadOnlyMemory<byte> message)
    {
        if (_release > _start)
        {
            _start = _release;
            _scan = Math.Max(_scan, _release);
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_scan, _end - _scan), isFinalBlock: false, _state);
        while (reader.Read())
        {
            var isTopLevelEnd = reader.CurrentDepth == 0 && reader.TokenType is not JsonTokenType.StartObject and not JsonTokenType.StartArray;
            if (isTopLevelEnd)
            {
                var end = _scan + (int)reader.BytesConsumed;
                var span = _buffer.AsSpan(_start, end - _start);
                var skip = span.IndexOfAnyExcept(" \t\r\n"u8);
                message = _buffer.AsMemory(_start + skip, end - _start - skip);
                _release = end;
                _scan = end;
                _state = default;
                return true;
            }
        }

        _scan += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        if (_end - _start > _maxMessageSize)
        {
            throw new InvalidDataException($"A JSON message exceeds the maximum size of {_maxMessageSize} bytes.");
        }

        message = default;
        return false;
    }

    /// <summary>Returns space to receive into, compacting or growing the buffer as needed.</summary>
    /// <param name="sizeHint">Minimum free bytes wanted.</param>
    /// <returns>The free space.</returns>
    public Memory<byte> GetReceiveBuffer(int sizeHint = 4096)
    {
        if (_release > _start)
        {
            _start = _release;
            _scan = Math.Max(_scan, _release);
        }

        if (_start > 0)
        {
            var live = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, live);
            _scan -= _start;
            _release = Math.Max(0, _release - _start);
            _end = live;
            _start = 0;
        }

        if (_buffer.Length - _end < sizeHint)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _end + sizeHint));
            Buffer.BlockCopy(_buffer, 0, grown, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }

        return _buffer.AsMemory(_end);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written into the receive buffer.</summary>
    /// <param name="count">Bytes received.</param>
    public void Advance(int count) => _end += count;

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
