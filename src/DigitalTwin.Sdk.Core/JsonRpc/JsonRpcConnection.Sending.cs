using System.Text.Json;
using DigitalTwin.Sdk.Core.JsonRpc.Internal;

namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <content>Sending requests and opening streams.</content>
public sealed partial class JsonRpcConnection
{
    private const long NotSentSessionLost = -1;
    private const long NotSentSkipped = -2;

    private async Task<TResult> InvokeCoreAsync<TResult>(string method, Action<Utf8JsonWriter>? writeParams, JsonRpcResultParser<TResult> parseResult, CancellationToken cancellationToken)
    {
        using var timeout = CreateTimeout(_options.RequestTimeout, cancellationToken);
        try
        {
            while (true)
            {
                var session = await GetSessionAsync(timeout.Token).ConfigureAwait(false);
                var call = new UnaryCall<TResult>(method, parseResult);
                long id;
                try
                {
                    id = await SendCoreAsync(session, method, writeParams, call, timeout.Token).ConfigureAwait(false);
                }
                catch
                {
                    call.Abandon();
                    throw;
                }

                if (id == NotSentSessionLost)
                {
                    // The connection died before this request left: it surely was not processed, so it may go on the next one.
                    call.Abandon();
                    continue;
                }

                byte[] result;
                try
                {
                    result = await call.ResultBytes.WaitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch
                {
                    call.Abandon();
                    throw;
                }
                finally
                {
                    session.Unregister(id, call);
                }

                return call.Parse(result);
            }
        }
        catch (OperationCanceledException ex) when (timeout.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            throw new JsonRpcTimeoutException($"'{method}' was not answered within {_options.RequestTimeout}.", ex);
        }
        catch (OperationCanceledException) when (_disposeCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ConnectionLostException("The connection was closed.");
        }
    }

    /// <summary>Sends on one given session without waiting for a reconnect (handshake, keepalive, unsubscribe).</summary>
    private async Task<TResult> InvokeOnSessionAsync<TResult>(JsonRpcSession session, string method, Action<Utf8JsonWriter>? writeParams, JsonRpcResultParser<TResult> parseResult, TimeSpan timeoutAfter, CancellationToken cancellationToken)
    {
        using var timeout = CreateTimeout(timeoutAfter, cancellationToken);
        var call = new UnaryCall<TResult>(method, parseResult);
        long id = NotSentSessionLost;
        try
        {
            id = await SendCoreAsync(session, method, writeParams, call, timeout.Token).ConfigureAwait(false);
            if (id == NotSentSessionLost)
            {
                throw new ConnectionLostException($"The connection was lost before '{method}' was sent.");
            }

            return call.Parse(await call.ResultBytes.WaitAsync(timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException ex) when (timeout.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            call.Abandon();
            throw new JsonRpcTimeoutException($"'{method}' was not answered within {timeoutAfter}.", ex);
        }
        catch
        {
            call.Abandon();
            throw;
        }
        finally
        {
            session.Unregister(id, call);
        }
    }

    /// <summary>Assigns the id and writes the request under the session's send lock.</summary>
    /// <returns>The id, <see cref="NotSentSessionLost"/> or <see cref="NotSentSkipped"/>.</returns>
    private async Task<long> SendCoreAsync(JsonRpcSession session, string method, Action<Utf8JsonWriter>? writeParams, IPendingEntry entry, CancellationToken cancellationToken)
    {
        await session.SendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (session.IsLost)
            {
                return NotSentSessionLost;
            }

            if (!entry.BeforeSend(session))
            {
                return NotSentSkipped;
            }

            var id = session.NextId;
            if (!session.TryRegister(id, entry))
            {
                return NotSentSessionLost;
            }

            session.NextId = id + 1;
            entry.Bind(session, id);
            ReadOnlyMemory<byte> bytes;
            try
            {
                bytes = session.Writer.Write(id, method, writeParams);
            }
            catch
            {
                // The parameters could not be written (a caller bug): nothing left, the socket is intact.
                session.Unregister(id, entry);
                throw;
            }

            try
            {
                // The session's token, not the caller's: cancelling a half-written message would corrupt the socket for everyone.
                await session.Transport.SendAsync(bytes, session.Lifetime.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                session.Unregister(id, entry);
                session.Abort();
                throw new ConnectionLostException($"Sending '{method}' failed; the connection is being re-opened.", ex);
            }

            return id;
        }
        finally
        {
            session.SendLock.Release();
        }
    }

    private async Task<JsonRpcStream<TItem>> OpenStreamCoreAsync<TItem>(string method, Action<Utf8JsonWriter>? writeParams, JsonRpcFrameParser<TItem> parseFrame, JsonRpcStreamOptions options, CancellationToken cancellationToken)
    {
        var stream = new JsonRpcStream<TItem>(this, method, writeParams, parseFrame, options);
        lock (_gate)
        {
            ThrowIfClosed();
            _streams.Add(stream);
        }

        using var timeout = CreateTimeout(_options.RequestTimeout, cancellationToken);
        try
        {
            var session = await GetSessionAsync(timeout.Token).ConfigureAwait(false);

            // A lost session before sending is fine: the stream is registered and the reconnect re-sends it.
            await SendCoreAsync(session, method, writeParams, stream, timeout.Token).ConfigureAwait(false);
            return stream;
        }
        catch (ConnectionLostException) when (options.ResumeOnReconnect && !_disposeCts.IsCancellationRequested)
        {
            return stream;
        }
        catch (OperationCanceledException ex) when (timeout.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new JsonRpcTimeoutException($"'{method}' could not be sent within {_options.RequestTimeout}.", ex);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Called by a stream's DisposeAsync: forget it and unsubscribe if it was still live.</summary>
    internal async Task OnStreamClosedAsync(IStreamHandle stream, JsonRpcSession? liveSession, long id)
    {
        ForgetStream(stream);
        var method = stream.Options.UnsubscribeMethod;
        if (method is null || liveSession is null || id < 0 || liveSession.IsLost || _disposeCts.IsCancellationRequested)
        {
            return;
        }

        var writeUnsubscribe = stream.Options.WriteUnsubscribeParams ?? WriteIdParams;
        try
        {
            await InvokeOnSessionAsync(liveSession, method, w => writeUnsubscribe(w, id), static _ => true, _options.RequestTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonRpcException or ConnectionLostException or JsonRpcTimeoutException or OperationCanceledException)
        {
            // The server drops subscriptions of a dead socket anyway; a failed unsubscribe is only worth a log line.
            JsonRpcLog.UnsubscribeFailed(_options.Logger, method, id, ex);
        }
    }

    /// <summary>Unsubscribes a stream that ended on the client side (overflow) without blocking the receive loop.</summary>
    internal void UnsubscribeInBackground(IStreamHandle stream, JsonRpcSession session, long id) =>
        _ = Task.Run(() => OnStreamClosedAsync(stream, session, id));

    internal void ForgetStream(IStreamHandle stream)
    {
        lock (_gate)
        {
            _streams.Remove(stream);
        }
    }

    private static void WriteIdParams(Utf8JsonWriter writer, long id)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, id);
        writer.WriteEndObject();
    }

    private void EndAllStreams(Exception error)
    {
        IStreamHandle[] streams;
        lock (_gate)
        {
            streams = [.. _streams];
            _streams.Clear();
        }

        foreach (var stream in streams)
        {
            stream.End(error);
        }
    }

    private void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(_disposeCts.IsCancellationRequested, this);
        if (_closed)
        {
            throw new ConnectionLostException("The connection closed for good after reconnecting failed.");
        }
    }
}
