using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigitalTwin.Sdk.Core.JsonRpc.Internal;

namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>
/// A JSON-RPC 2.0 client connection over any <see cref="IJsonRpcTransport"/>: routes responses to requests by id so
/// many requests share one socket, streams multi-frame results and subscriptions, keeps the connection alive and
/// re-establishes it after a drop (re-running the handshake and re-sending live streams).
/// </summary>
/// <remarks>
/// <para>Thread-safe: any number of callers may send concurrently; requests are written one at a time under a send
/// lock that also assigns ids, so ids on the wire are strictly increasing from the id the handshake returned.</para>
/// <para>Lifetime: connects lazily on the first request (or <see cref="ConnectAsync"/>). When an established
/// connection drops, requests in flight fail with <see cref="ConnectionLostException"/> (never a hang), resumable
/// streams are re-sent after reconnecting, and new requests wait for the new connection within their own timeout.
/// Nothing written for the old connection is replayed onto the new one. Dispose to close.</para>
/// </remarks>
public sealed partial class JsonRpcConnection : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly JsonRpcConnectionOptions _options;
    private readonly CancellationTokenSource _disposeCts = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IStreamHandle> _streams = [];
    private TaskCompletionSource<JsonRpcSession> _ready = NewReady();
    private JsonRpcSession? _session;
    private Task? _connectLoop;
    private Task? _keepAliveLoop;
    private JsonRpcConnectionState _state;
    private bool _closed;

    /// <summary>Initializes a new instance of the <see cref="JsonRpcConnection"/> class. Nothing is opened until the first request.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A setting is missing or out of range.</exception>
    public JsonRpcConnection(JsonRpcConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Raised after <see cref="State"/> changes, with the reason. Handlers run on a connection thread and must not block.</summary>
    public event EventHandler<JsonRpcConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>Gets the current state.</summary>
    public JsonRpcConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Gets a task that completes when the connection is disposed, or faults with <see cref="ConnectionLostException"/> when reconnecting gave up.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Opens the connection (and runs the handshake) now instead of on the first request.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when connected.</returns>
    /// <exception cref="JsonRpcException">The handshake was refused (for example bad credentials).</exception>
    /// <exception cref="ConnectionLostException">The transport could not be opened.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposeCts.IsCancellationRequested, this);
        using var timeout = CreateTimeout(_options.ConnectTimeout, cancellationToken);
        try
        {
            await GetSessionAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            throw new JsonRpcTimeoutException("Connecting timed out.", ex);
        }
    }

    /// <summary>Sends a request and waits for its single response.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="method">The method name.</param>
    /// <param name="writeParams">Writes the <c>params</c> value (one JSON value), or <see langword="null"/> to omit it.</param>
    /// <param name="parseResult">Parses the <c>result</c> JSON (runs on the receive loop).</param>
    /// <param name="cancellationToken">Cancels the wait; a late response is then ignored.</param>
    /// <returns>The parsed result.</returns>
    /// <exception cref="ArgumentException"><paramref name="method"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parseResult"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonRpcException">The server answered with an error object.</exception>
    /// <exception cref="ConnectionLostException">The connection dropped before the response arrived.</exception>
    /// <exception cref="JsonRpcTimeoutException">No response within <see cref="JsonRpcConnectionOptions.RequestTimeout"/>.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public Task<TResult> InvokeAsync<TResult>(string method, Action<Utf8JsonWriter>? writeParams, JsonRpcResultParser<TResult> parseResult, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(parseResult);
        ObjectDisposedException.ThrowIf(_disposeCts.IsCancellationRequested, this);
        return InvokeCoreAsync(method, writeParams, parseResult, cancellationToken);
    }

    /// <summary>Sends a request with source-generated parameter and result serialization.</summary>
    /// <typeparam name="TParams">The parameters type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="method">The method name.</param>
    /// <param name="parameters">The parameters.</param>
    /// <param name="paramsType">Metadata of <typeparamref name="TParams"/>.</param>
    /// <param name="resultType">Metadata of <typeparamref name="TResult"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">A metadata argument is <see langword="null"/>.</exception>
    /// <exception cref="JsonRpcException">The server answered with an error object.</exception>
    /// <exception cref="ConnectionLostException">The connection dropped before the response arrived.</exception>
    /// <exception cref="JsonRpcTimeoutException">No response in time.</exception>
    public Task<TResult?> InvokeAsync<TParams, TResult>(string method, TParams parameters, JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paramsType);
        ArgumentNullException.ThrowIfNull(resultType);
        return InvokeAsync(
            method,
            w => JsonSerializer.Serialize(w, parameters, paramsType),
            json => JsonSerializer.Deserialize(json, resultType),
            cancellationToken);
    }

    /// <summary>Sends a streaming request and returns its stream once the request is on the wire.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="method">The method name.</param>
    /// <param name="writeParams">
    /// Writes the <c>params</c> value; called again for every resend after a reconnect, so it can resume from state the
    /// frame parser kept (for example the last timestamp received).
    /// </param>
    /// <param name="parseFrame">Parses each <c>result</c> frame (runs on the receive loop, in order).</param>
    /// <param name="options">Buffering, overflow, resume and unsubscribe settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels sending the request.</param>
    /// <returns>The stream; enumerate it once and dispose it.</returns>
    /// <exception cref="ArgumentException"><paramref name="method"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="parseFrame"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity in <paramref name="options"/> is not positive.</exception>
    /// <exception cref="ConnectionLostException">The connection could not carry the request and the stream does not resume.</exception>
    /// <exception cref="JsonRpcTimeoutException">No connection within the request timeout.</exception>
    public Task<JsonRpcStream<TItem>> OpenStreamAsync<TItem>(string method, Action<Utf8JsonWriter>? writeParams, JsonRpcFrameParser<TItem> parseFrame, JsonRpcStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(parseFrame);
        options ??= new JsonRpcStreamOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Capacity, nameof(options));
        ObjectDisposedException.ThrowIf(_disposeCts.IsCancellationRequested, this);
        return OpenStreamCoreAsync(method, writeParams, parseFrame, options, cancellationToken);
    }

    /// <summary>Closes the connection: streams end, requests in flight fail with <see cref="ConnectionLostException"/>.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        JsonRpcSession? session;
        Task? connectLoop;
        Task? keepAlive;
        lock (_gate)
        {
            if (_disposeCts.IsCancellationRequested)
            {
                return;
            }

            _disposeCts.Cancel();
            session = _session;
            _session = null;
            connectLoop = _connectLoop;
            keepAlive = _keepAliveLoop;
        }

        if (session is not null)
        {
            // Abort first: the receive loop then ends and tears the transport down itself, so no buffer is released
            // while a receive might still be using it.
            session.Abort();
            await session.ReceiveLoop.ConfigureAwait(false);
        }

        await WaitQuietlyAsync(connectLoop).ConfigureAwait(false);
        await WaitQuietlyAsync(keepAlive).ConfigureAwait(false);
        var closed = new ConnectionLostException("The connection was closed.");
        EndAllStreams(closed);
        Fail(_ready, new ObjectDisposedException(nameof(JsonRpcConnection)));
        SetState(JsonRpcConnectionState.Closed, null);
        _completion.TrySetResult();
    }

    /// <summary>
    /// Faults <paramref name="source"/> and marks the fault observed: a connection that was never used has nobody
    /// awaiting it, and an unobserved fault would surface as a <see cref="TaskScheduler.UnobservedTaskException"/>.
    /// Callers that do await the task still see the exception.
    /// </summary>
    private static void Fail<T>(TaskCompletionSource<T> source, Exception error)
    {
        if (source.TrySetException(error))
        {
            _ = source.Task.Exception;
        }
    }

    private static void Fail(TaskCompletionSource source, Exception error)
    {
        if (source.TrySetException(error))
        {
            _ = source.Task.Exception;
        }
    }

    private static TaskCompletionSource<JsonRpcSession> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task WaitQuietlyAsync(Task? task)
    {
        if (task is null)
        {
            return;
        }

        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Background loops report through state and completion; shutting down only needs them stopped.
        }
    }

    private static async Task CloseTransportAsync(JsonRpcSession session)
    {
        try
        {
            await session.Transport.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Closing a dead transport may throw; it is being discarded either way.
        }
    }

    private TimeoutScope CreateTimeout(TimeSpan timeout, CancellationToken cancellationToken) =>
        new(timeout, _options.TimeProvider, cancellationToken, _disposeCts.Token);

    private void SetState(JsonRpcConnectionState state, Exception? reason)
    {
        JsonRpcConnectionState previous;
        lock (_gate)
        {
            previous = _state;
            if (previous == state || previous == JsonRpcConnectionState.Closed)
            {
                return;
            }

            _state = state;
        }

        JsonRpcLog.StateChanged(_options.Logger, previous, state, reason);
        try
        {
            StateChanged?.Invoke(this, new JsonRpcConnectionStateChangedEventArgs(previous, state, reason));
        }
        catch (Exception ex)
        {
            JsonRpcLog.HandlerFailed(_options.Logger, ex);
        }
    }
}
