using System.Text;
using System.Threading.Channels;
using DigitalTwin.Sdk.Core.JsonRpc;
using Websocket.Client;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// The JSON-RPC transport on Websocket.Client as its documentation intends it (queued text sends, received messages pushed
/// through its observable), with its own reconnection off because the JSON-RPC engine reconnects and resubscribes itself.
/// Measured against the SDK's <see cref="System.Net.WebSockets.ClientWebSocket"/> transport for the issue-15 decision.
/// </summary>
public sealed class WebsocketClientRpcTransport : IJsonRpcTransport
{
    private readonly WebsocketClient _client;
    private readonly Channel<byte[]> _received = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDisposable _messages;
    private readonly IDisposable _disconnections;

    private WebsocketClient Client => _client;

    private WebsocketClientRpcTransport(Uri url)
    {
        _client = new WebsocketClient(url)
        {
            IsReconnectionEnabled = false,
            IsTextMessageConversionEnabled = false,
            ReconnectTimeout = null,
        };
        _messages = _client.MessageReceived.Subscribe(m => _received.Writer.TryWrite(m.Binary ?? Encoding.UTF8.GetBytes(m.Text ?? string.Empty)));
        _disconnections = _client.DisconnectionHappened.Subscribe(_ => _received.Writer.TryComplete());
    }

    /// <summary>Connects to <paramref name="url"/>.</summary>
    /// <param name="url">The WebSocket URL.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The open transport.</returns>
    public static async ValueTask<IJsonRpcTransport> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var transport = new WebsocketClientRpcTransport(url);
        try
        {
            await transport.Client.StartOrFail().WaitAsync(cancellationToken).ConfigureAwait(false);
            return transport;
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        // Queued: the library's sender task writes it to the socket as a text frame.
        if (!_client.SendAsText(message.ToArray()))
        {
            throw new IOException("Websocket.Client refused the message (its send queue is closed).");
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (await _received.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_received.Reader.TryRead(out var message))
            {
                return message;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Abort()
    {
        _received.Writer.TryComplete();
        _client.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _messages.Dispose();
        _disconnections.Dispose();
        Abort();
        return ValueTask.CompletedTask;
    }
}
