using System.Buffers;
using System.Net.WebSockets;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Core.WebSockets;

/// <summary>
/// JSON-RPC over WebSocket: one JSON message per WebSocket text message (fragmented messages are reassembled
/// into a pooled buffer).
/// </summary>
/// <remarks>Concurrency as documented on <see cref="IJsonRpcTransport"/>.</remarks>
public sealed class WebSocketJsonRpcTransport : IJsonRpcTransport
{
    /// <summary>Default largest message accepted: 16 MiB.</summary>
    public const int DefaultMaxMessageSize = 16 * 1024 * 1024;

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly WebSocket _socket;
    private readonly int _maxMessageSize;
    private byte[] _buffer;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="WebSocketJsonRpcTransport"/> class over an open socket.</summary>
    /// <param name="socket">An open WebSocket; owned (disposed) by the transport.</param>
    /// <param name="maxMessageSize">Largest message accepted, in bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="socket"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessageSize"/> is not positive.</exception>
    public WebSocketJsonRpcTransport(WebSocket socket, int maxMessageSize = DefaultMaxMessageSize)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageSize);
        _socket = socket;
        _maxMessageSize = maxMessageSize;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(16 * 1024, maxMessageSize));
    }

    /// <summary>Opens a <see cref="ClientWebSocket"/> to <paramref name="uri"/> and wraps it.</summary>
    /// <param name="uri">A <c>ws://</c> or <c>wss://</c> address.</param>
    /// <param name="configure">Adjusts the socket options (headers, proxy, certificates) before connecting; optional.</param>
    /// <param name="maxMessageSize">Largest message accepted, in bytes.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The connected transport.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uri"/> is <see langword="null"/>.</exception>
    /// <exception cref="WebSocketException">The connection could not be opened.</exception>
    public static async ValueTask<WebSocketJsonRpcTransport> ConnectAsync(Uri uri, Action<ClientWebSocketOptions>? configure = null, int maxMessageSize = DefaultMaxMessageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var socket = new ClientWebSocket();
        try
        {
            // Keepalive is done at the JSON-RPC level (the vendor's own "time" request), which also proves the server answers.
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            configure?.Invoke(socket.Options);
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
            return new WebSocketJsonRpcTransport(socket, maxMessageSize);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="WebSocketException">The connection failed.</exception>
    /// <exception cref="InvalidDataException">A message exceeds the maximum size.</exception>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            if (count == _buffer.Length)
            {
                if (_buffer.Length >= _maxMessageSize)
                {
                    throw new InvalidDataException($"A WebSocket message exceeds the maximum size of {_maxMessageSize} bytes.");
                }

                var grown = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxMessageSize));
                Buffer.BlockCopy(_buffer, 0, grown, 0, count);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = grown;
            }

            var result = await _socket.ReceiveAsync(_buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return _buffer.AsMemory(0, count);
            }
        }
    }

    /// <inheritdoc />
    public void Abort() => _socket.Abort();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The peer is gone; nothing more to tell it.
            }
        }

        _socket.Dispose();
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
