using System.Net.WebSockets;
using System.Text;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// The JSON-RPC baseline: one raw <see cref="ClientWebSocket"/>, a send loop and a receive loop exchanging pre-encoded
/// request bytes for whole reply messages, with no parsing, routing or typing.
/// </summary>
public sealed class RawWebSocketRpc : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[1 << 20];

    /// <summary>Connects and authenticates.</summary>
    /// <param name="uri">WebSocket URL.</param>
    /// <param name="code">Authentication code (API key).</param>
    /// <returns>The connected client.</returns>
    public static async Task<RawWebSocketRpc> ConnectAsync(Uri uri, string code)
    {
        var client = new RawWebSocketRpc();
        await client._socket.ConnectAsync(uri, CancellationToken.None).ConfigureAwait(false);
        await client.SendAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"method\":\"authenticate\",\"id\":0,\"params\":{\"code\":\"" + code + "\"}}")).ConfigureAwait(false);
        await client.ReceiveOneAsync().ConfigureAwait(false);
        return client;
    }

    /// <summary>Sends every message and receives as many replies, concurrently.</summary>
    /// <param name="messages">Encoded requests.</param>
    /// <returns>Total bytes received.</returns>
    public async Task<long> ExchangeAsync(IReadOnlyList<byte[]> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var receive = Task.Run(async () =>
        {
            long bytes = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                bytes += await ReceiveOneAsync().ConfigureAwait(false);
            }

            return bytes;
        });
        foreach (var message in messages)
        {
            await SendAsync(message).ConfigureAwait(false);
        }

        return await receive.ConfigureAwait(false);
    }

    /// <summary>Sends one streamed request and records every reply message until the one that says it is finished.</summary>
    /// <param name="request">Encoded request.</param>
    /// <returns>Copies of the reply messages.</returns>
    public async Task<List<byte[]>> RecordStreamAsync(byte[] request)
    {
        await SendAsync(request).ConfigureAwait(false);
        var frames = new List<byte[]>();
        while (true)
        {
            var count = await ReceiveOneAsync().ConfigureAwait(false);
            var frame = _buffer.AsSpan(0, count).ToArray();
            frames.Add(frame);
            if (frame.AsSpan().IndexOf("\"requestStatus\":\"finished\""u8) >= 0 || frame.AsSpan().IndexOf("\"error\""u8) >= 0)
            {
                return frames;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private ValueTask SendAsync(byte[] message) =>
        _socket.SendAsync(message.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private async Task<int> ReceiveOneAsync()
    {
        var count = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The server closed the socket.");
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return count;
            }
        }
    }
}
