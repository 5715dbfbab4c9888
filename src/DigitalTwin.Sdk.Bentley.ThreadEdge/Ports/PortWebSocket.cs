using System.Globalization;
using System.Net.WebSockets;
using DigitalTwin.Sdk.Core;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>
/// The connected socket handed to Websocket.Client by <see cref="PortLink"/>'s connection factory: it delegates every call
/// to the socket the factory opened and watches the receive side that Websocket.Client's receive loop drives.
/// </summary>
/// <remarks>
/// <para>Websocket.Client assembles each message in memory without a size bound, so the limit
/// (<see cref="ThreadPortSocketOptions.MaxMessageSize"/>) is enforced here, per frame as it is received: a message that
/// grows past it aborts the socket and fails the receive with a <see cref="DigitalTwinException"/>.</para>
/// <para>It also keeps the frame type of the last complete message (Websocket.Client's raw binary messages do not carry
/// it) and reports the end of the receive side (close frame, error, abort) to <c>ended</c> before Websocket.Client sees it,
/// so its own disconnection notice, raised afterwards, cannot hide a size-limit failure.</para>
/// </remarks>
/// <param name="inner">The connected socket.</param>
/// <param name="maxMessageSize">Largest message accepted.</param>
/// <param name="ended">Completed with the reason the receive side ended, or faulted with the size-limit error.</param>
internal sealed class PortWebSocket(WebSocket inner, int maxMessageSize, TaskCompletionSource<string> ended) : WebSocket
{
    private readonly TaskCompletionSource<string> _ended = ended;
    private long _messageLength;

    /// <summary>Gets the frame type of the last complete message received.</summary>
    public WebSocketMessageType LastMessageType { get; private set; }

    /// <inheritdoc />
    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    /// <inheritdoc />
    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    /// <inheritdoc />
    public override WebSocketState State => inner.State;

    /// <inheritdoc />
    public override string? SubProtocol => inner.SubProtocol;

    /// <inheritdoc />
    public override void Abort() => inner.Abort();

    /// <inheritdoc />
    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    /// <inheritdoc />
    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    /// <inheritdoc />
    public override void Dispose()
    {
        inner.Dispose();
        _ended.TrySetResult("disposed");
    }

    /// <inheritdoc />
    /// <remarks>The overload Websocket.Client's receive loop calls: one state machine over the inner socket's
    /// <see cref="ValueTask"/> receive, and none when the frame is already buffered.</remarks>
    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        ValueTask<ValueWebSocketReceiveResult> receiving;
        try
        {
            receiving = inner.ReceiveAsync(buffer.AsMemory(), cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<WebSocketReceiveResult>(Failed(ex));
        }

        if (!receiving.IsCompletedSuccessfully)
        {
            return AwaitReceiveAsync(receiving);
        }

        try
        {
            return Task.FromResult(ToResult(Received(receiving.Result)));
        }
        catch (Exception ex)
        {
            return Task.FromException<WebSocketReceiveResult>(ex);
        }
    }

    /// <inheritdoc />
    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ValueWebSocketReceiveResult result;
        try
        {
            result = await inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw Failed(ex);
        }

        return Received(result);
    }

    private async Task<WebSocketReceiveResult> AwaitReceiveAsync(ValueTask<ValueWebSocketReceiveResult> receiving)
    {
        ValueWebSocketReceiveResult result;
        try
        {
            result = await receiving.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw Failed(ex);
        }

        return ToResult(Received(result));
    }

    private WebSocketReceiveResult ToResult(ValueWebSocketReceiveResult result) =>
        result.MessageType == WebSocketMessageType.Close
            ? new WebSocketReceiveResult(result.Count, result.MessageType, result.EndOfMessage, inner.CloseStatus, inner.CloseStatusDescription)
            : new WebSocketReceiveResult(result.Count, result.MessageType, result.EndOfMessage);

    /// <summary>Reports a failed receive as the end of the receive side; returns the exception to rethrow.</summary>
    private Exception Failed(Exception ex)
    {
        _ended.TrySetResult(ex is WebSocketException socketError ? "connection lost: " + socketError.WebSocketErrorCode.ToString() : "receive stopped");
        return ex;
    }

    /// <summary>Tracks a received frame: the close frame, the size limit (throws), the type of a complete message.</summary>
    private ValueWebSocketReceiveResult Received(ValueWebSocketReceiveResult result)
    {
        if (result.MessageType == WebSocketMessageType.Close)
        {
            _ended.TrySetResult(string.Create(CultureInfo.InvariantCulture, $"closed by the device ({inner.CloseStatus?.ToString() ?? "no status"})"));
            return result;
        }

        _messageLength += result.Count;
        if (_messageLength > maxMessageSize)
        {
            inner.Abort();
            var error = new DigitalTwinException(string.Create(CultureInfo.InvariantCulture, $"A message from the THREAD port exceeded MaxMessageSize ({maxMessageSize} bytes)."));
            _ended.TrySetException(error);
            throw error;
        }

        if (result.EndOfMessage)
        {
            _messageLength = 0;
            LastMessageType = result.MessageType;
        }

        return result;
    }

    /// <inheritdoc />
    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    /// <inheritdoc />
    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    /// <inheritdoc />
    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, WebSocketMessageFlags messageFlags, CancellationToken cancellationToken) =>
        inner.SendAsync(buffer, messageType, messageFlags, cancellationToken);
}
