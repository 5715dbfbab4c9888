using System.Text.Json;
using System.Threading.Channels;
using DigitalTwin.Sdk.Core.JsonRpc.Internal;

namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>
/// The items of a streaming JSON-RPC request (a download in many <c>result</c> frames, or a subscription), parsed as
/// they arrive into a bounded buffer and enumerated once.
/// </summary>
/// <typeparam name="TItem">The item type produced by the frame parser.</typeparam>
/// <remarks>
/// Disposing the stream (or the enumerator) before it ended sends the configured unsubscribe request. The stream
/// survives reconnects when <see cref="JsonRpcStreamOptions.ResumeOnReconnect"/> is set: its request is sent again on
/// the new connection with freshly written parameters. Errors (a JSON-RPC <c>error</c> for the request, a lost
/// connection that could not be re-established, an overflow) are thrown by the enumerator after the buffered items.
/// Thread-safety: one consumer enumerates; <see cref="DisposeAsync"/> may be called from any thread.
/// </remarks>
public sealed class JsonRpcStream<TItem> : IAsyncEnumerable<TItem>, IAsyncDisposable, IStreamHandle
{
    private readonly object _gate = new();
    private readonly JsonRpcConnection _connection;
    private readonly JsonRpcFrameParser<TItem> _parser;
    private readonly Channel<TItem> _channel;
    private readonly CancellationTokenSource _lifetime = new();
    private JsonRpcSession? _session;
    private long _requestId = -1;
    private long _dropped;
    private int _resubscribes;
    private int _enumerated;
    private bool _ended;
    private bool _disposed;

    internal JsonRpcStream(JsonRpcConnection connection, string method, Action<Utf8JsonWriter>? writeParams, JsonRpcFrameParser<TItem> parser, JsonRpcStreamOptions options)
    {
        _connection = connection;
        Method = method;
        WriteParams = writeParams;
        _parser = parser;
        Options = options;
        var channelOptions = new BoundedChannelOptions(options.Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = options.FullMode == JsonRpcStreamFullMode.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
        };
        _channel = Channel.CreateBounded<TItem>(channelOptions, _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Gets the method of the request that opened the stream.</summary>
    public string Method { get; }

    /// <summary>Gets the id of the request that feeds the stream on the current connection (a subscription id), or -1 before it was sent.</summary>
    public long RequestId => Interlocked.Read(ref _requestId);

    /// <summary>Gets how many times the request was sent again after a reconnect.</summary>
    public int ResubscribeCount => Volatile.Read(ref _resubscribes);

    /// <summary>Gets how many items were discarded under <see cref="JsonRpcStreamFullMode.DropOldest"/>.</summary>
    public long DroppedItems => Interlocked.Read(ref _dropped);

    /// <summary>Gets a value indicating whether the server ended the stream, it failed, or it was disposed.</summary>
    public bool IsCompleted
    {
        get
        {
            lock (_gate)
            {
                return _ended || _disposed;
            }
        }
    }

    /// <summary>Gets the writer of the request parameters (called again on every resend).</summary>
    internal Action<Utf8JsonWriter>? WriteParams { get; }

    /// <summary>Gets the stream settings.</summary>
    internal JsonRpcStreamOptions Options { get; }

    Action<Utf8JsonWriter>? IStreamHandle.WriteParams => WriteParams;

    JsonRpcStreamOptions IStreamHandle.Options => Options;

    /// <summary>Enumerates the items; allowed once.</summary>
    /// <param name="cancellationToken">Stops the enumeration (the stream is then disposed).</param>
    /// <returns>The enumerator.</returns>
    /// <exception cref="InvalidOperationException">The stream is enumerated a second time.</exception>
    public async IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A JSON-RPC stream can be enumerated only once.");
        }

        try
        {
            var reader = _channel.Reader;
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the stream, sending the unsubscribe request when it had not ended.</summary>
    /// <returns>A task that completes when the stream is closed.</returns>
    public ValueTask DisposeAsync()
    {
        JsonRpcSession? session;
        long id;
        bool wasEnded;
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
            wasEnded = _ended;
            _ended = true;
            session = _session;
            id = _requestId;
        }

        _lifetime.Cancel();
        _channel.Writer.TryComplete();
        session?.Unregister(id, this);
        return new ValueTask(_connection.OnStreamClosedAsync(this, wasEnded ? null : session, id));
    }

    bool IPendingEntry.BeforeSend(JsonRpcSession session)
    {
        lock (_gate)
        {
            if (_ended || ReferenceEquals(_session, session))
            {
                return false;
            }

            if (_session is not null)
            {
                _resubscribes++;
            }

            _session = session;
            return true;
        }
    }

    void IPendingEntry.Bind(JsonRpcSession session, long id) => Interlocked.Exchange(ref _requestId, id);

    async ValueTask IPendingEntry.OnResultAsync(JsonRpcSession session, long id, ReadOnlyMemory<byte> result)
    {
        JsonRpcFrame<TItem> frame;
        try
        {
            frame = _parser(result.Span);
        }
        catch (Exception ex)
        {
            session.Unregister(id, this);
            End(ex);
            return;
        }

        if (frame.HasItem && !await WriteAsync(session, frame.Item!).ConfigureAwait(false))
        {
            session.Unregister(id, this);
            End(new JsonRpcStreamOverflowException($"The consumer of '{Method}' fell behind by more than {Options.Capacity} items."));
            _connection.UnsubscribeInBackground(this, session, id);
            return;
        }

        if (frame.IsEnd)
        {
            session.Unregister(id, this);
            End(null);
        }
    }

    void IPendingEntry.OnError(JsonRpcException error) => End(error);

    void IStreamHandle.End(Exception? error) => End(error);

    void IPendingEntry.OnConnectionLost(ConnectionLostException error, bool willReconnect)
    {
        if (willReconnect && Options.ResumeOnReconnect)
        {
            return;
        }

        End(error);
    }

    /// <summary>Ends the stream (server finished, error, lost for good); buffered items stay readable.</summary>
    /// <param name="error">The error the enumerator throws after the buffered items, or <see langword="null"/>.</param>
    internal void End(Exception? error)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
        }

        _channel.Writer.TryComplete(error);
        _connection.ForgetStream(this);
    }

    private async ValueTask<bool> WriteAsync(JsonRpcSession session, TItem item)
    {
        var writer = _channel.Writer;
        if (writer.TryWrite(item))
        {
            return true;
        }

        if (Options.FullMode == JsonRpcStreamFullMode.Fail)
        {
            return IsCompleted;
        }

        // Back-pressure: hold the receive loop (and thus the socket) until the consumer makes room. The stream's own
        // lifetime (not the session's) cancels the wait, so an item already counted by the parser is never lost.
        session.ReceivePaused = true;
        try
        {
            await writer.WriteAsync(item, _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
        {
            // Disposed or ended meanwhile: nobody reads any more.
        }
        finally
        {
            session.ReceivePaused = false;
        }

        return true;
    }
}
