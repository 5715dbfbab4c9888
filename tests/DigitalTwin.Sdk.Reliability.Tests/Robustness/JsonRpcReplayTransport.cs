using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Reliability.Tests.Robustness;

/// <summary>
/// In-memory JSON-RPC peer for the socket mutation runs: answers <c>authenticate</c> with a <c>nextId</c>, and every
/// other request with <c>{"jsonrpc":"2.0","id":…,"result":<see cref="Result"/>}</c>, so only the result bytes vary.
/// </summary>
public sealed class JsonRpcReplayTransport : IJsonRpcTransport
{
    private readonly Channel<ReadOnlyMemory<byte>> _incoming = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();

    /// <summary>Gets or sets the <c>result</c> value sent back (raw JSON bytes).</summary>
    public byte[] Result { get; set; } = "null"u8.ToArray();

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        using var request = JsonDocument.Parse(message);
        var id = request.RootElement.GetProperty("id").GetInt64();
        var method = request.RootElement.GetProperty("method").GetString();
        var head = Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":{{id}},"result":""");
        var result = method == "authenticate" ? Encoding.UTF8.GetBytes($$"""{"nextId":{{id + 1}}}""") : Result;
        _incoming.Writer.TryWrite((byte[])[.. head, .. result, (byte)'}']);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _incoming.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public void Abort() => _incoming.Writer.TryComplete();

    public ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
