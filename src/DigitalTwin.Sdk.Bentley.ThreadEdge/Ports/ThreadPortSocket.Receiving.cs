using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using DigitalTwin.Sdk.Core;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <content>The receive loop and reconnection.</content>
public sealed partial class ThreadPortSocket
{
    private async Task RunAsync()
    {
        // Leave the caller's synchronization context and stack before looping.
        await Task.Yield();
        Exception? failure = null;
        try
        {
            while (true)
            {
                var reason = await ReceiveUntilDroppedAsync(Volatile.Read(ref _socket)!).ConfigureAwait(false);
                if (_closing)
                {
                    break;
                }

                if (!_options.AutoReconnect)
                {
                    failure = new DigitalTwinConnectionException("The THREAD port connection dropped (" + reason + ") and reconnect is off.");
                    break;
                }

                SetDisconnected(PortConnectionState.Reconnecting, reason, null);
                await ReconnectAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Disposed while waiting to reconnect.
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        if (failure is null)
        {
            _inbound.Writer.TryComplete();
            SetDisconnected(PortConnectionState.Closed, "closed by the caller", null);
            return;
        }

        _inbound.Writer.TryComplete(failure);
        SetDisconnected(PortConnectionState.Failed, failure.Message, failure);
        throw failure;
    }

    /// <summary>Receives until the socket closes or fails; returns why it stopped.</summary>
    private async Task<string> ReceiveUntilDroppedAsync(WebSocket socket)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var assembled = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), _lifetime.Token).ConfigureAwait(false);
                }
                catch (WebSocketException ex)
                {
                    return "connection lost: " + ex.WebSocketErrorCode.ToString();
                }
                catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
                {
                    return "cancelled";
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"closed by the device ({socket.CloseStatus?.ToString() ?? "no status"})");
                }

                if (assembled.WrittenCount + result.Count > _options.MaxMessageSize)
                {
                    socket.Abort();
                    throw new DigitalTwinException(string.Create(CultureInfo.InvariantCulture, $"A message from the THREAD port exceeded MaxMessageSize ({_options.MaxMessageSize} bytes)."));
                }

                if (result.EndOfMessage && assembled.WrittenCount == 0)
                {
                    await PublishAsync(buffer.AsSpan(0, result.Count).ToArray(), result.MessageType).ConfigureAwait(false);
                    continue;
                }

                assembled.Write(buffer.AsSpan(0, result.Count));
                if (result.EndOfMessage)
                {
                    await PublishAsync(assembled.WrittenSpan.ToArray(), result.MessageType).ConfigureAwait(false);
                    assembled.ResetWrittenCount();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Gets how many messages were received (queued or dropped by the queue's full mode); for tests.</summary>
    internal long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    private async ValueTask PublishAsync(byte[] data, WebSocketMessageType type)
    {
        await _inbound.Writer.WriteAsync(new PortMessage(type == WebSocketMessageType.Text ? PortMessageType.Text : PortMessageType.Binary, data), _lifetime.Token).ConfigureAwait(false);
        Interlocked.Increment(ref _messagesReceived);
    }

    private async Task ReconnectAsync()
    {
        var previous = Volatile.Read(ref _socket);
        Exception? last = null;
        for (var attempt = 1; ; attempt++)
        {
            if (_options.MaxReconnectAttempts is { } max && attempt > max)
            {
                throw new DigitalTwinConnectionException(string.Create(CultureInfo.InvariantCulture, $"Could not reconnect to the THREAD port after {max} attempts."), last);
            }

            await Task.Delay(BackoffDelay(attempt), _time, _lifetime.Token).ConfigureAwait(false);
            try
            {
                var socket = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
                previous?.Dispose();
                Interlocked.Increment(ref _reconnects);
                SetConnected(socket, string.Create(CultureInfo.InvariantCulture, $"reconnected after {attempt} attempt(s)"));
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException || (ex is OperationCanceledException && !_lifetime.IsCancellationRequested))
            {
                last = ex;
                SetDisconnected(PortConnectionState.Reconnecting, string.Create(CultureInfo.InvariantCulture, $"reconnect attempt {attempt} failed"), ex);
            }
        }
    }

    /// <summary>The wait before reconnect attempt <paramref name="attempt"/> (1-based): the SDK's one back-off rule.</summary>
    private TimeSpan BackoffDelay(int attempt) =>
        DigitalTwin.Sdk.Core.Resilience.Backoff.Delay(attempt - 1, _options.ReconnectDelay, _options.MaxReconnectDelay);
}
