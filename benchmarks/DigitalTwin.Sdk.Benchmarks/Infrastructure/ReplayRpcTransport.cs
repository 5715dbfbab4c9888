using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// In-memory JSON-RPC transport replaying frames recorded from the emulator: it answers <c>authenticate</c> with the
/// recorded stream's id as <c>nextId</c>, so the SDK's first request gets that id, and answers that request with the
/// recorded frames (no copies). The SDK's own parsing, routing and streaming cost is all that remains.
/// </summary>
public sealed class ReplayRpcTransport : IJsonRpcTransport
{
    private readonly IReadOnlyList<byte[]> _frames;
    private readonly long _streamId;
    private readonly Channel<ReadOnlyMemory<byte>> _incoming = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Initializes the transport.</summary>
    /// <param name="frames">Recorded reply frames of one streamed request.</param>
    /// <param name="streamId">The id those frames carry.</param>
    public ReplayRpcTransport(IReadOnlyList<byte[]> frames, long streamId)
    {
        _frames = frames;
        _streamId = streamId;
    }

    /// <inheritdoc />
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var (method, id) = Read(message.Span);
        if (method == "authenticate")
        {
            _incoming.Writer.TryWrite(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{{\"nextId\":{_streamId}}}}}")));
        }
        else if (id == _streamId)
        {
            foreach (var frame in _frames)
            {
                _incoming.Writer.TryWrite(frame);
            }
        }
        else if (id is not null)
        {
            _incoming.Writer.TryWrite(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{{}}}}")));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (await _incoming.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_incoming.Reader.TryRead(out var message))
            {
                return message;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Abort() => _incoming.Writer.TryComplete();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private static (string? Method, long? Id) Read(ReadOnlySpan<byte> json)
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
}
