using DigitalTwin.Sdk.Core.JsonRpc.Internal;

namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <content>The receive loop: routing responses by id, and tearing a session down when its transport dies.</content>
public sealed partial class JsonRpcConnection
{
    private async Task ReceiveLoopAsync(JsonRpcSession session)
    {
        Exception? reason = null;
        try
        {
            while (true)
            {
                var message = await session.Transport.ReceiveAsync(session.Lifetime.Token).ConfigureAwait(false);
                if (message is null)
                {
                    reason = new ConnectionLostException("The server closed the connection.");
                    break;
                }

                await DispatchAsync(session, message.Value).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            reason = ex;
        }
        finally
        {
            await OnSessionLostAsync(session, reason).ConfigureAwait(false);
        }
    }

    private ValueTask DispatchAsync(JsonRpcSession session, ReadOnlyMemory<byte> message)
    {
        if (!JsonRpcEnvelope.TryParse(message.Span, out var envelope))
        {
            JsonRpcLog.MalformedMessage(_options.Logger, message.Length);
            return ValueTask.CompletedTask;
        }

        if (!envelope.HasId)
        {
            if (envelope.HasError)
            {
                JsonRpcLog.UnroutedError(_options.Logger, envelope.ErrorCode, envelope.ErrorMessage);
            }

            return ValueTask.CompletedTask;
        }

        if (envelope.HasError)
        {
            if (session.TryTake(envelope.Id, out var failed))
            {
                failed!.OnError(new JsonRpcException(envelope.ErrorCode, envelope.ErrorMessage ?? string.Empty, envelope.ErrorData, failed.Method, envelope.Id));
            }
            else
            {
                JsonRpcLog.UnknownId(_options.Logger, envelope.Id);
            }

            return ValueTask.CompletedTask;
        }

        if (!envelope.HasResult || !session.TryGet(envelope.Id, out var entry))
        {
            JsonRpcLog.UnknownId(_options.Logger, envelope.Id);
            return ValueTask.CompletedTask;
        }

        return entry!.OnResultAsync(session, envelope.Id, message.Slice(envelope.ResultStart, envelope.ResultLength));
    }

    private async Task OnSessionLostAsync(JsonRpcSession session, Exception? reason)
    {
        var entries = session.MarkLost();
        session.Abort();
        await CloseTransportAsync(session).ConfigureAwait(false);
        if (entries is null)
        {
            return;
        }

        bool published;
        bool willReconnect;
        lock (_gate)
        {
            published = ReferenceEquals(_session, session);
            if (published)
            {
                _session = null;
                _ready = NewReady();
            }

            willReconnect = !_disposeCts.IsCancellationRequested && !_closed && _options.MaxReconnectAttempts > 0;
        }

        var lost = reason as ConnectionLostException
            ?? new ConnectionLostException("The connection was lost while the request was in flight.", reason);
        foreach (var entry in entries)
        {
            entry.OnConnectionLost(lost, willReconnect || !published);
        }

        if (!published || _disposeCts.IsCancellationRequested)
        {
            return;
        }

        if (!willReconnect)
        {
            CloseForGood(lost);
            return;
        }

        SetState(JsonRpcConnectionState.Reconnecting, reason);
        lock (_gate)
        {
            _connectLoop = Task.Run(() => ConnectLoopAsync(isReconnect: true));
        }
    }
}
