using System.Buffers;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// A read-only response body that writes a JSON array item by item as it is read (<c>prefix item,item,… suffix</c>), so
/// a body of a million items costs the reader its own memory only: nothing but the item being copied out is held here.
/// </summary>
public sealed class GeneratedJsonArrayStream : Stream
{
    private readonly byte[] _prefix;
    private readonly byte[] _suffix;
    private readonly long _count;
    private readonly bool _separatorBeforeFirst;
    private readonly Action<long, IBufferWriter<byte>> _writeItem;
    private readonly ArrayBufferWriter<byte> _item = new(4096);
    private ReadOnlyMemory<byte> _pending;
    private long _next;
    private int _stage;

    /// <summary>Initializes the stream.</summary>
    /// <param name="prefix">Bytes before the first item (e.g. <c>[</c>, or <c>[{"v":1}</c> with <paramref name="separatorBeforeFirst"/>).</param>
    /// <param name="count">Number of items.</param>
    /// <param name="writeItem">Writes item <c>i</c> (0-based) as JSON.</param>
    /// <param name="suffix">Bytes after the last item (e.g. <c>]</c>).</param>
    /// <param name="separatorBeforeFirst">Whether a comma precedes the first item too.</param>
    public GeneratedJsonArrayStream(byte[] prefix, long count, Action<long, IBufferWriter<byte>> writeItem, byte[] suffix, bool separatorBeforeFirst = false)
    {
        _prefix = prefix;
        _count = count;
        _writeItem = writeItem;
        _suffix = suffix;
        _separatorBeforeFirst = separatorBeforeFirst;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pending.IsEmpty && !Refill())
            {
                break;
            }

            var n = Math.Min(_pending.Length, buffer.Length - written);
            _pending.Span[..n].CopyTo(buffer[written..]);
            _pending = _pending[n..];
            written += n;
        }

        return written;
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : new(Read(buffer.Span));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private bool Refill()
    {
        switch (_stage)
        {
            case 0:
                _stage = 1;
                _pending = _prefix;
                return true;
            case 1 when _next < _count:
                _item.ResetWrittenCount();
                if (_next > 0 || _separatorBeforeFirst)
                {
                    _item.Write(","u8);
                }

                _writeItem(_next++, _item);
                _pending = _item.WrittenMemory;
                return true;
            case 1:
                _stage = 2;
                _pending = _suffix;
                return true;
            default:
                return false;
        }
    }
}
