using System.Net.Sockets;
using System.Text.Json;

namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <summary>Server side of the plain TCP endpoint: back-to-back JSON values, no delimiter.</summary>
internal sealed class TcpRpcChannel(TcpClient client, int writeChunkSize) : IRpcChannel
{
    private readonly NetworkStream _stream = client.GetStream();
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public string Kind => "tcp";

    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var length = TryCompleteValue(_buffer.AsSpan(_start, _end - _start));
            if (length > 0)
            {
                var message = _buffer.AsMemory(_start, length);
                _start += length;
                return message;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (writeChunkSize <= 0)
        {
            await _stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            return;
        }

        for (var offset = 0; offset < message.Length; offset += writeChunkSize)
        {
            await _stream.WriteAsync(message.Slice(offset, Math.Min(writeChunkSize, message.Length - offset)), cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Abort()
    {
        client.Dispose();
    }

    /// <summary>Length (including leading whitespace) of the first complete JSON value, or 0 when more bytes are needed.</summary>
    private static int TryCompleteValue(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, default);
        try
        {
            if (!reader.Read())
            {
                return 0;
            }

            return reader.TrySkip() ? (int)reader.BytesConsumed : 0;
        }
        catch (JsonException)
        {
            // Not JSON: hand everything buffered over so the connection answers with a parse error.
            return bytes.Length;
        }
    }
}
