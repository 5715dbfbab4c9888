using System.Net.WebSockets;
using System.Threading.Channels;

namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <summary>One WebSocket client of a port: an outbound queue drained by a send loop.</summary>
internal sealed class PortSession(WebSocket socket, int closeAfterFrames)
{
    private readonly Channel<(byte[] Data, bool IsText)> _outbound = Channel.CreateUnbounded<(byte[], bool)>(new UnboundedChannelOptions { SingleReader = true });

    public WebSocket Socket { get; } = socket;

    public void Enqueue(byte[] data, bool isText) => _outbound.Writer.TryWrite((data, isText));

    public void Complete() => _outbound.Writer.TryComplete();

    /// <summary>Sends queued frames until completed; honours a close-after-N-frames fault.</summary>
    public async Task RunSendLoopAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        try
        {
            await foreach (var (data, isText) in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (closeAfterFrames > 0 && sent >= closeAfterFrames)
                {
                    break;
                }

                await Socket.SendAsync(data, isText ? WebSocketMessageType.Text : WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
                sent++;
                if (closeAfterFrames > 0 && sent >= closeAfterFrames)
                {
                    break;
                }
            }

            if (closeAfterFrames > 0 && Socket.State == WebSocketState.Open)
            {
                // Injected fault: the device side goes away.
                await Socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "fault injected", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away; nothing left to send.
        }
    }
}
