using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using DigitalTwin.Sdk.Core;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>
/// A duplex connection to a device on a THREAD port (<c>ws://host/ws/port/{1,2,3}</c>): whatever the device sends
/// arrives as messages (<see cref="ReadMessagesAsync"/>) or delimiter-framed records (<see cref="ReadRecordsAsync"/>);
/// whatever is sent (<see cref="SendTextAsync"/>, <see cref="SendAsync"/>) goes to the device directly.
/// Reconnects with back-off when the connection drops.
/// </summary>
/// <remarks>
/// <para>Each connection runs on Websocket.Client (connect through <see cref="ThreadPortSocketOptions.WebSocketFactory"/>,
/// receive loop, close handshake) with its own reconnection off: this class drives reconnects and waits the back-off and
/// connect timeout on <see cref="ThreadPortSocketOptions.TimeProvider"/>. No System.Reactive type is part of its API.</para>
/// <para>Sending is thread-safe (one frame at a time). One reader at a time: a second concurrent
/// <see cref="ReadMessagesAsync"/> or <see cref="ReadRecordsAsync"/> throws <see cref="InvalidOperationException"/>.</para>
/// <para>Received messages go into a bounded queue (<see cref="ThreadPortSocketOptions.ReceiveQueueCapacity"/>,
/// <see cref="ThreadPortSocketOptions.ReceiveQueueFullMode"/>) so a slow reader does not stall the socket unnoticed.
/// Messages queued before a drop stay readable; the device's stream simply continues after a reconnect.</para>
/// <para><see cref="StateChanged"/> handlers run on the socket's connection loop: keep them short; an exception thrown by one fails the socket.</para>
/// <para>Dispose to close: the reader's enumeration then ends normally.</para>
/// </remarks>
public sealed partial class ThreadPortSocket : IThreadPortSocket
{
    private readonly object _gate = new();
    private readonly ThreadPortSocketOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<PortMessage> _inbound;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private TaskCompletionSource<PortLink> _connected = NewSignal();
    private PortLink? _link;
    private Task _run = Task.CompletedTask;
    private PortConnectionState _state = PortConnectionState.Connecting;
    private int _reconnects;
    private long _messagesReceived;
    private int _reading;
    private int _disposed;
    private Action<ThreadPortSocket>? _onDisposed;
    private volatile bool _closing;

    private ThreadPortSocket(Uri uri, ThreadPortSocketOptions options)
    {
        Uri = uri;
        _options = options;
        _time = options.TimeProvider;
        _inbound = Channel.CreateBounded<PortMessage>(new BoundedChannelOptions(options.ReceiveQueueCapacity)
        {
            FullMode = options.ReceiveQueueFullMode,
            SingleReader = true,
        });
    }

    /// <summary>Raised when the connection state changes (connected, dropped, reconnected, closed, failed).</summary>
    public event EventHandler<PortConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>Gets the port's WebSocket URI.</summary>
    public Uri Uri { get; }

    /// <summary>Gets the current connection state.</summary>
    public PortConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Gets how many times the socket reconnected after a drop.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>Gets a task that completes when the socket is closed, or faults with the reason it failed.</summary>
    public Task Completion => _run;

    /// <summary>Connects to a THREAD port WebSocket.</summary>
    /// <param name="uri">The port URI, e.g. <c>ws://thread.local/ws/port/1</c> (<c>ws</c> or <c>wss</c>).</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the first connection attempt.</param>
    /// <returns>The connected socket; dispose it to close.</returns>
    /// <exception cref="ArgumentException"><paramref name="uri"/> is not an absolute ws/wss URI, or <paramref name="options"/> is invalid.</exception>
    /// <exception cref="DigitalTwinConnectionException">The first connection attempt failed or timed out
    /// (<see cref="ThreadPortSocketOptions.ConnectTimeout"/>); the first attempt is not retried.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<ThreadPortSocket> ConnectAsync(Uri uri, ThreadPortSocketOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeWs && uri.Scheme != Uri.UriSchemeWss))
        {
            throw new ArgumentException("The port URI must be an absolute ws:// or wss:// URI, e.g. ws://localhost/ws/port/1.", nameof(uri));
        }

        options ??= new ThreadPortSocketOptions();
        options.Validate();
        _ = new PortRecordFramer(options.DelimitersHex, options.MaxRecordLength);
        return ConnectCoreAsync(uri, options, cancellationToken);
    }

    /// <summary>Sends text to the device (one text frame, UTF-8).</summary>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Cancels the wait for a connection and the send.</param>
    /// <returns>A task that completes when the frame is sent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The socket is disposed.</exception>
    /// <exception cref="DigitalTwinConnectionException">The socket failed for good, or the connection dropped during the send
    /// (the frame may or may not have reached the device).</exception>
    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return SendCoreAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, cancellationToken);
    }

    /// <summary>Sends bytes to the device in one frame.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="type">Frame type.</param>
    /// <param name="cancellationToken">Cancels the wait for a connection and the send.</param>
    /// <returns>A task that completes when the frame is sent.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not defined.</exception>
    /// <exception cref="ObjectDisposedException">The socket is disposed.</exception>
    /// <exception cref="DigitalTwinConnectionException">The socket failed for good, or the connection dropped during the send
    /// (the frame may or may not have reached the device).</exception>
    public ValueTask SendAsync(ReadOnlyMemory<byte> data, PortMessageType type = PortMessageType.Binary, CancellationToken cancellationToken = default)
    {
        Internal.EdgeArguments.Defined(type, nameof(type));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return SendCoreAsync(data, type == PortMessageType.Text ? WebSocketMessageType.Text : WebSocketMessageType.Binary, cancellationToken);
    }

    /// <summary>Closes the connection (close handshake, then abort if the device does not answer within 2 seconds)
    /// and ends the reader's enumeration.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _onDisposed, null)?.Invoke(this);

        _closing = true;
        var link = Volatile.Read(ref _link);

        // A real-time bound (not the injected clock): shutdown must finish even under a paused test clock.
        if (link is not null && State == PortConnectionState.Connected)
        {
            using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _sendLock.WaitAsync(closeTimeout.Token).ConfigureAwait(false);
                try
                {
                    // Websocket.Client's Stop: the close handshake; one the device does not answer is cut by the abort below.
                    await link.StopAsync().WaitAsync(closeTimeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            catch (OperationCanceledException)
            {
                // The device did not complete the handshake; abort below.
            }
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        try
        {
            await _run.ConfigureAwait(false);
        }
        catch (DigitalTwinException)
        {
            // Already reported through Completion and the reader.
        }

        Volatile.Read(ref _link)?.Dispose();
        _lifetime.Dispose();
    }

    /// <summary>Tells the owner (the <see cref="ThreadEdgeClient"/> that opened the socket) when it is disposed; runs at most once.</summary>
    internal void OnDisposed(Action<ThreadPortSocket> callback) => _onDisposed = callback;

    private static async Task<ThreadPortSocket> ConnectCoreAsync(Uri uri, ThreadPortSocketOptions options, CancellationToken cancellationToken)
    {
        var port = new ThreadPortSocket(uri, options);
        try
        {
            var link = await port.OpenAsync(cancellationToken).ConfigureAwait(false);
            port.SetConnected(link, "connected");
        }
        catch (Exception ex) when (IsConnectFailure(ex, cancellationToken))
        {
            port._lifetime.Dispose();
            throw new DigitalTwinConnectionException($"Could not connect to the THREAD port at {uri.GetLeftPart(UriPartial.Path)}.", ex);
        }
        catch
        {
            port._lifetime.Dispose();
            throw;
        }

        port._run = port.RunAsync();
        return port;
    }

    private async ValueTask SendCoreAsync(ReadOnlyMemory<byte> data, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        Task<PortLink> connected;
        lock (_gate)
        {
            connected = _connected.Task;
        }

        var link = await connected.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Straight to the connection's socket, not Websocket.Client's Send/SendInstant: those skip a frame silently when
            // the socket is not open and take no cancellation token; here completion means the frame was written.
            await link.Socket.SendAsync(data, type, true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException && Volatile.Read(ref _disposed) == 0)
        {
            throw new DigitalTwinConnectionException("The THREAD port connection dropped while sending; the frame may not have reached the device.", ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Opens one connection: a <see cref="PortLink"/> whose factory is bounded by the connect timeout on the injected clock.</summary>
    private Task<PortLink> OpenAsync(CancellationToken cancellationToken) =>
        PortLink.StartAsync(Uri, (uri, libraryToken) => OpenSocketAsync(uri, libraryToken, cancellationToken), _options.MaxMessageSize, OnMessage);

    private async Task<WebSocket> OpenSocketAsync(Uri uri, CancellationToken libraryToken, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken, libraryToken, _lifetime.Token);
        if (_options.WebSocketFactory is { } factory)
        {
            return await factory(uri, linked.Token).ConfigureAwait(false);
        }

        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        try
        {
            await socket.ConnectAsync(uri, linked.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="ex"/> is a failed or timed-out connection attempt (not the caller's cancellation).</summary>
    private static bool IsConnectFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is WebSocketException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private void SetConnected(PortLink link, string reason)
    {
        lock (_gate)
        {
            Volatile.Write(ref _link, link);
            _state = PortConnectionState.Connected;
            _connected.TrySetResult(link);
        }

        StateChanged?.Invoke(this, new PortConnectionStateChangedEventArgs(PortConnectionState.Connected, reason));
    }

    private void SetDisconnected(PortConnectionState state, string reason, Exception? exception)
    {
        lock (_gate)
        {
            _state = state;
            if (_connected.Task.IsCompleted)
            {
                _connected = NewSignal();
            }

            if (state is PortConnectionState.Closed or PortConnectionState.Failed)
            {
                _connected.TrySetException(exception ?? new ObjectDisposedException(nameof(ThreadPortSocket)));

                // Observed here so a final state nobody sends into does not raise UnobservedTaskException.
                _ = _connected.Task.Exception;
            }
        }

        StateChanged?.Invoke(this, new PortConnectionStateChangedEventArgs(state, reason, exception));
    }

    private static TaskCompletionSource<PortLink> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
