using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <summary>Server side of a WebSocket: one JSON message per text message.</summary>
internal sealed class WebSocketRpcChannel(WebSocket socket, HttpContext context) : IRpcChannel
{
    private byte[] _buffer = new byte[64 * 1024];

    public string Kind => "ws";

    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            if (count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var result = await socket.ReceiveAsync(_buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                }

                return null;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return _buffer.AsMemory(0, count);
            }
        }
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public void Abort()
    {
        // Abort the TCP connection itself (no close handshake): what a crashed server or a cut cable looks like.
        try
        {
            context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request already ended (the client closed first): there is no connection left to cut.
        }

        socket.Abort();
    }
}
