using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using System.Globalization;
using System.Net.WebSockets;
using System.Threading.Channels;
using DigitalTwin.Sdk.Core;
using Websocket.Client;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <content>Receiving (Websocket.Client's receive loop into the bounded queue) and reconnection.</content>
public sealed partial class ThreadPortSocket
{
    /// <summary>Gets how many messages were received (queued or dropped by the queue's full mode); for tests.</summary>
    internal long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    private async Task RunAsync()
    {
        // Leave the caller's synchronization context and stack before looping.
        await Task.Yield();
        Exception? failure = null;
        var link = Volatile.Read(ref _link)!;
        try
        {
            while (true)
            {
                var reason = await link.Dropped.WaitAsync(_lifetime.Token).ConfigureAwait(false);
                if (_closing)
                {
                    break;
                }

                link.Dispose();
                if (!_options.AutoReconnect)
                {
                    failure = new DigitalTwinConnectionException("The THREAD port connection dropped (" + reason + ") and reconnect is off.");
                    break;
                }

                SetDisconnected(PortConnectionState.Reconnecting, reason, null);
                link = await ReconnectAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Disposed while connected or while waiting to reconnect.
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

        link.Dispose();
        _inbound.Writer.TryComplete(failure);
        SetDisconnected(PortConnectionState.Failed, failure.Message, failure);
        throw failure;
    }

    /// <summary>
    /// Websocket.Client's message callback, called on its receive loop. With <see cref="BoundedChannelFullMode.Wait"/> a full
    /// queue blocks this callback, and so the receive loop, until the reader makes room: nothing is lost and TCP back-pressure
    /// reaches the device (Websocket.Client itself has none; it would hold every frame). Other full modes drop per the channel.
    /// </summary>
    private void OnMessage(PortLink link, ResponseMessage received)
    {
        var type = link.MessageType == WebSocketMessageType.Text ? PortMessageType.Text : PortMessageType.Binary;
        var message = new PortMessage(type, received.Binary ?? []);
        if (!_inbound.Writer.TryWrite(message))
        {
            try
            {
                _inbound.Writer.WriteAsync(message, _lifetime.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException or ObjectDisposedException)
            {
                // Closing or failed: the message is no longer wanted.
                return;
            }
        }

        Interlocked.Increment(ref _messagesReceived);
    }

    private async Task<PortLink> ReconnectAsync()
    {
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
                var link = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref _reconnects);
                SetConnected(link, string.Create(CultureInfo.InvariantCulture, $"reconnected after {attempt} attempt(s)"));
                return link;
            }
            catch (Exception ex) when (IsConnectFailure(ex, _lifetime.Token))
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
