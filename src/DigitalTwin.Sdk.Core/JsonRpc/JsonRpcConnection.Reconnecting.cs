using DigitalTwin.Sdk.Core.JsonRpc.Internal;

namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <content>Connecting, reconnecting with back-off, re-sending live streams, keepalive.</content>
public sealed partial class JsonRpcConnection
{
    private async Task<JsonRpcSession> GetSessionAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<JsonRpcSession> ready;
            Task<Task>? starter = null;
            lock (_gate)
            {
                ThrowIfClosed();
                if (_session is { IsLost: false } live)
                {
                    return live;
                }

                ready = _ready.Task;
                if (_connectLoop is null)
                {
                    starter = new Task<Task>(() => ConnectLoopAsync(isReconnect: false));
                    _connectLoop = starter.Unwrap();
                }
            }

            if (starter is not null)
            {
                SetState(JsonRpcConnectionState.Connecting, null);
                starter.Start(TaskScheduler.Default);
            }

            var session = await ready.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!session.IsLost)
            {
                return session;
            }
        }
    }

    private async Task ConnectLoopAsync(bool isReconnect)
    {
        var maxAttempts = isReconnect ? _options.MaxReconnectAttempts : 1;
        Exception? last = null;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            try
            {
                if (attempt > 1)
                {
                    await Task.Delay(Backoff(attempt), _options.TimeProvider, _disposeCts.Token).ConfigureAwait(false);
                }

                await OpenSessionAsync(isReconnect).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (_disposeCts.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                last = ex;
                JsonRpcLog.ConnectFailed(_options.Logger, attempt, ex);
            }
        }

        if (isReconnect)
        {
            CloseForGood(new ConnectionLostException($"Reconnecting failed after {maxAttempts} attempts.", last));
            return;
        }

        // A failed first connect is reported to the waiting callers; the next request tries again.
        TaskCompletionSource<JsonRpcSession> failed;
        lock (_gate)
        {
            failed = _ready;
            _ready = NewReady();
            _connectLoop = null;
        }

        SetState(JsonRpcConnectionState.Disconnected, last);

        failed.TrySetException(last is JsonRpcException or ObjectDisposedException
            ? last
            : new ConnectionLostException("Could not open the connection.", last));
    }

    private async Task OpenSessionAsync(bool isReconnect)
    {
        using var timeout = CreateTimeout(_options.ConnectTimeout, CancellationToken.None);
        var transport = await _options.TransportFactory!(timeout.Token).ConfigureAwait(false);
        var session = new JsonRpcSession(transport, _options.InitialRequestId);
        session.ReceiveLoop = Task.Run(() => ReceiveLoopAsync(session));
        try
        {
            if (_options.Handshake is { } handshake)
            {
                var context = new JsonRpcHandshakeContext(
                    isReconnect,
                    (method, writeParams, ct) => InvokeOnSessionAsync(session, method, writeParams, static json => (ReadOnlyMemory<byte>)json.ToArray(), _options.ConnectTimeout, ct));
                await handshake(context, timeout.Token).ConfigureAwait(false);
                if (context.NextRequestId is { } nextId)
                {
                    await session.SendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                    session.NextId = nextId;
                    session.SendLock.Release();
                }
            }

            IStreamHandle[] streams;
            lock (_gate)
            {
                streams = [.. _streams];
            }

            foreach (var stream in streams)
            {
                await SendCoreAsync(session, stream.Method, stream.WriteParams, stream, timeout.Token).ConfigureAwait(false);
            }

            TaskCompletionSource<JsonRpcSession> ready;
            lock (_gate)
            {
                if (_disposeCts.IsCancellationRequested || session.IsLost)
                {
                    throw new ConnectionLostException("The connection was lost during the handshake.");
                }

                _session = session;
                ready = _ready;
                _keepAliveLoop ??= _options.KeepAliveMethod is null ? null : Task.Run(KeepAliveLoopAsync);
            }

            SetState(JsonRpcConnectionState.Connected, null);
            ready.TrySetResult(session);
        }
        catch
        {
            session.Abort();
            await session.ReceiveLoop.ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The wait before reconnect attempt <paramref name="attempt"/>: the first is immediate, then <see cref="Resilience.Backoff"/>.</summary>
    private TimeSpan Backoff(int attempt) =>
        attempt <= 1 ? TimeSpan.Zero : Resilience.Backoff.Delay(attempt - 2, _options.ReconnectDelay, _options.MaxReconnectDelay);

    private void CloseForGood(ConnectionLostException error)
    {
        TaskCompletionSource<JsonRpcSession> ready;
        lock (_gate)
        {
            _closed = true;
            ready = _ready;
        }

        EndAllStreams(error);
        Fail(ready, error);
        SetState(JsonRpcConnectionState.Closed, error);
        Fail(_completion, error);
    }

    private async Task KeepAliveLoopAsync()
    {
        var method = _options.KeepAliveMethod!;
        using var timer = new PeriodicTimer(_options.KeepAliveInterval, _options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposeCts.Token).ConfigureAwait(false))
            {
                JsonRpcSession? session;
                lock (_gate)
                {
                    session = _session;
                }

                // While a slow stream consumer holds the receive loop, answers cannot be read: not a dead peer.
                if (session is null || session.IsLost || session.ReceivePaused)
                {
                    continue;
                }

                try
                {
                    await InvokeOnSessionAsync(session, method, null, static _ => true, _options.KeepAliveTimeout, _disposeCts.Token).ConfigureAwait(false);
                }
                catch (JsonRpcTimeoutException) when (!session.ReceivePaused)
                {
                    JsonRpcLog.KeepAliveTimedOut(_options.Logger, method);
                    session.Abort();
                }
                catch (Exception ex) when (ex is JsonRpcException or ConnectionLostException or JsonRpcTimeoutException)
                {
                    // An error answer still proves the peer is alive; a lost connection is already being handled.
                }
            }
        }
        catch (OperationCanceledException) when (_disposeCts.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
