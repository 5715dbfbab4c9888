using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// In-memory JSON-RPC transport that answers one <c>getData</c> request with any number of points, generating each
/// frame (the emulator's frame layout: <c>{"jsonrpc":"2.0","id":…,"result":{"data":{"&lt;ISO time&gt;":value,…}}}</c>,
/// then <c>{"requestStatus":"finished"}</c>) only when the client's receive loop asks for the next message. Nothing
/// is queued ahead, so what stays live while streaming is the SDK's own buffering.
/// </summary>
public sealed class GeneratedDataRpcTransport : IJsonRpcTransport
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly Channel<ReadOnlyMemory<byte>> _control = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly long _points;
    private readonly int _pointsPerFrame;
    private readonly long _streamId;
    private long _sent;
    private volatile bool _streaming;
    private bool _finished;

    /// <summary>Initializes the transport.</summary>
    /// <param name="points">Points the stream carries.</param>
    /// <param name="pointsPerFrame">Points per frame.</param>
    /// <param name="streamId">The id the client's first request gets (the <c>nextId</c> of the handshake).</param>
    public GeneratedDataRpcTransport(long points, int pointsPerFrame, long streamId)
    {
        _points = points;
        _pointsPerFrame = pointsPerFrame;
        _streamId = streamId;
    }

    /// <inheritdoc />
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var (method, id) = RpcPeek.Read(message.Span);
        if (method == "authenticate")
        {
            _control.Writer.TryWrite(RpcPeek.Result(id, "{\"nextId\":" + _streamId.ToString(CultureInfo.InvariantCulture) + "}"));
        }
        else if (id == _streamId)
        {
            _streaming = true;
            _control.Writer.TryWrite(ReadOnlyMemory<byte>.Empty); // wakes the receive loop
        }
        else if (id is not null)
        {
            _control.Writer.TryWrite(RpcPeek.Result(id, "{}"));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            while (_control.Reader.TryRead(out var message))
            {
                if (!message.IsEmpty)
                {
                    return message;
                }
            }

            if (_streaming && !_finished)
            {
                if (_sent < _points)
                {
                    return NextFrame();
                }

                _finished = true;
                return RpcPeek.Result(_streamId, "{\"requestStatus\":\"finished\"}");
            }

            if (!await _control.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    /// <inheritdoc />
    public void Abort() => _control.Writer.TryComplete();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _control.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private byte[] NextFrame()
    {
        var count = (int)Math.Min(_pointsPerFrame, _points - _sent);
        var buffer = new ArrayBufferWriter<byte>(64 + (count * 36));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Span<char> stamp = stackalloc char[24];
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WriteNumber("id"u8, _streamId);
            writer.WriteStartObject("result"u8);
            writer.WriteStartObject("data"u8);
            for (var i = 0; i < count; i++)
            {
                var n = _sent + i;
                Start.AddSeconds(n).TryFormat(stamp, out _, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                writer.WritePropertyName(stamp);
                writer.WriteNumberValue((n % 1000) * 0.001);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        _sent += count;
        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>Reads the method and id of a JSON-RPC message, and writes result frames.</summary>
internal static class RpcPeek
{
    public static (string? Method, long? Id) Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? method = null;
        long? id = null;
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMethod = reader.ValueTextEquals("method"u8);
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isMethod && reader.TokenType == JsonTokenType.String)
                {
                    method = reader.GetString();
                }
                else if (isId && reader.TokenType == JsonTokenType.Number)
                {
                    id = reader.GetInt64();
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return (method, id);
    }

    public static byte[] Result(long? id, string resultJson) =>
        Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + id?.ToString(CultureInfo.InvariantCulture) + ",\"result\":" + resultJson + "}");
}
