using System.Buffers;
using System.Text.Json;

namespace DigitalTwin.Sdk.Core.JsonRpc.Internal;

/// <summary>Writes request envelopes into one reused buffer (callers hold the session's send lock).</summary>
internal sealed class JsonRpcRequestWriter : IDisposable
{
    private const int ShrinkAbove = 1024 * 1024;
    private ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public JsonRpcRequestWriter() => _writer = new Utf8JsonWriter(_buffer);

    public ReadOnlyMemory<byte> Write(long id, string method, Action<Utf8JsonWriter>? writeParams)
    {
        if (_buffer.Capacity > ShrinkAbove)
        {
            // One huge upload must not pin a huge buffer for the connection's lifetime.
            _buffer = new ArrayBufferWriter<byte>(4096);
        }
        else
        {
            _buffer.ResetWrittenCount();
        }

        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        _writer.WriteString("jsonrpc"u8, "2.0"u8);
        _writer.WriteString("method"u8, method);
        _writer.WriteNumber("id"u8, id);
        if (writeParams is not null)
        {
            _writer.WritePropertyName("params"u8);
            writeParams(_writer);
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _writer.Dispose();
}
