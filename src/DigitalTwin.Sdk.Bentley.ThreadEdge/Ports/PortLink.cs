using System.Net.WebSockets;
using Websocket.Client;
using Websocket.Client.Exceptions;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>
/// One connection of a <see cref="ThreadPortSocket"/>: a Websocket.Client <see cref="WebsocketClient"/> that connects through
/// the socket's factory and runs the receive loop (message assembly, close frames), with its own reconnection switched off.
/// </summary>
/// <remarks>
/// <para>Websocket.Client waits on real-time timers with fixed delays (<c>ReconnectTimeout</c>, <c>ErrorReconnectTimeout</c>,
/// <c>ConnectTimeout</c>), so all of them are disabled here: <see cref="ThreadPortSocket"/> opens a new link per connection
/// and waits its back-off and connect timeout on <see cref="ThreadPortSocketOptions.TimeProvider"/>.</para>
/// <para>A fresh client per connection rather than <see cref="WebsocketClient.ReconnectOrFail"/> on one client: a client whose
/// first start failed stays "started", and its reconnect path re-arms its own timers.</para>
/// </remarks>
internal sealed class PortLink : IDisposable
{
    private readonly WebsocketClient _client;
    private readonly IDisposable _messages;
    private readonly IDisposable _disconnections;
    private readonly TaskCompletionSource<string> _dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PortWebSocket? _socket;
    private int _disposed;

    private PortLink(Uri uri, Func<Uri, CancellationToken, Task<WebSocket>> open, int maxMessageSize, Action<PortLink, ResponseMessage> onMessage)
    {
        _client = new WebsocketClient(uri, null, async (target, ct) =>
        {
            var socket = new PortWebSocket(await open(target, ct).ConfigureAwait(false), maxMessageSize, _dropped);
            Volatile.Write(ref _socket, socket);
            return socket;
        })
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            LostReconnectTimeout = null,
            ConnectTimeout = Timeout.InfiniteTimeSpan,

            // Raw bytes: a text frame keeps its exact bytes (no decode and re-encode); the frame type comes from PortWebSocket.
            IsTextMessageConversionEnabled = false,
        };
        _messages = _client.MessageReceived.Subscribe(message => onMessage(this, message));
        _disconnections = _client.DisconnectionHappened.Subscribe(OnDisconnection);
    }

    /// <summary>Gets a task that completes with the reason once the connection dropped (closed by the device, lost), or faults
    /// with the <see cref="Core.DigitalTwinException"/> of a message over <see cref="ThreadPortSocketOptions.MaxMessageSize"/>.</summary>
    public Task<string> Dropped => _dropped.Task;

    /// <summary>Gets the connected socket; sends go to it directly.</summary>
    public WebSocket Socket => Volatile.Read(ref _socket) ?? throw new InvalidOperationException("The link is not connected.");

    /// <summary>Gets the frame type of the message being delivered (valid inside the message callback).</summary>
    public WebSocketMessageType MessageType => Volatile.Read(ref _socket)?.LastMessageType ?? WebSocketMessageType.Binary;

    /// <summary>Connects and starts Websocket.Client's receive loop.</summary>
    /// <param name="uri">The port URI.</param>
    /// <param name="open">Opens the connected socket (the caller's factory, bounded by the connect timeout).</param>
    /// <param name="maxMessageSize">Largest message accepted.</param>
    /// <param name="onMessage">Called on the receive loop for every message, in order; blocking it stalls the loop.</param>
    /// <returns>The connected link.</returns>
    /// <exception cref="Exception">What the factory threw (unwrapped from Websocket.Client's <see cref="WebsocketException"/>).</exception>
    public static async Task<PortLink> StartAsync(Uri uri, Func<Uri, CancellationToken, Task<WebSocket>> open, int maxMessageSize, Action<PortLink, ResponseMessage> onMessage)
    {
        var link = new PortLink(uri, open, maxMessageSize, onMessage);
        try
        {
            await link._client.StartOrFail().ConfigureAwait(false);
            return link;
        }
        catch (WebsocketException ex) when (ex.InnerException is not null)
        {
            link.Dispose();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        catch
        {
            link.Dispose();
            throw;
        }
    }

    /// <summary>Closes the connection with a close handshake (Websocket.Client's <see cref="WebsocketClient.Stop"/>).</summary>
    /// <returns>A task that completes when the handshake is done or failed.</returns>
    /// <remarks>The caller may stop waiting (its 2 s bound) and dispose; the handshake's outcome is observed here either way.</remarks>
    public Task StopAsync()
    {
        var stopping = StopCoreAsync();
        _ = stopping.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return stopping;
    }

    /// <summary>Aborts the connection and releases the client; idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _messages.Dispose();
        _disconnections.Dispose();
        _client.Dispose();
        _dropped.TrySetResult("disposed");

        // Observed here so a size-limit failure nobody awaits any more does not raise UnobservedTaskException.
        _ = _dropped.Task.Exception;
    }

    private async Task StopCoreAsync()
    {
        try
        {
            await _client.Stop(WebSocketCloseStatus.NormalClosure, "closing").ConfigureAwait(false);
        }
        catch (WebsocketException)
        {
            // The link was disposed (the connection had just dropped): nothing left to close.
        }
    }

    private void OnDisconnection(DisconnectionInfo info)
    {
        // A backstop: PortWebSocket reports the end of the receive side first; Exit and ByUser are this socket's own doing.
        if (info.Type is DisconnectionType.Lost or DisconnectionType.ByServer or DisconnectionType.NoMessageReceived && Volatile.Read(ref _socket) is not null)
        {
            _dropped.TrySetResult("connection lost (" + info.Type.ToString() + ")");
        }
    }
}
