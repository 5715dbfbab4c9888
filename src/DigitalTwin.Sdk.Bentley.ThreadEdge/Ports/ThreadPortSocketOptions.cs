using System.Net.WebSockets;
using System.Threading.Channels;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Settings of a <see cref="ThreadPortSocket"/>.</summary>
public sealed class ThreadPortSocketOptions
{
    /// <summary>End-of-message delimiters used by <see cref="ThreadPortSocket.ReadRecordsAsync"/> when none are given:
    /// hex strings as in the port's <c>DELIMITERS_HEX</c>.</summary>
    /// <value>Defaults to <c>["0D0A"]</c> (CR LF).</value>
    public IList<string> DelimitersHex { get; set; } = ["0D0A"];

    /// <summary>Longest record <see cref="ThreadPortSocket.ReadRecordsAsync"/> keeps before cutting it.</summary>
    /// <value>Defaults to 65,536 bytes.</value>
    public int MaxRecordLength { get; set; } = 64 * 1024;

    /// <summary>Largest WebSocket message accepted; a bigger one fails the socket.</summary>
    /// <value>Defaults to 1 MiB.</value>
    public int MaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>Number of received messages queued for the reader.</summary>
    /// <value>Defaults to 1,024.</value>
    public int ReceiveQueueCapacity { get; set; } = 1024;

    /// <summary>What happens when the receive queue is full.</summary>
    /// <value>Defaults to <see cref="BoundedChannelFullMode.Wait"/>: receiving pauses (back-pressure to the device), nothing is lost.</value>
    public BoundedChannelFullMode ReceiveQueueFullMode { get; set; } = BoundedChannelFullMode.Wait;

    /// <summary>Whether to reconnect when the connection drops.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool AutoReconnect { get; set; } = true;

    /// <summary>Wait before the first reconnect attempt; doubles per failed attempt up to <see cref="MaxReconnectDelay"/>
    /// (minus up to 20% jitter).</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reconnect attempts.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive failed reconnect attempts after which the socket gives up (<see cref="PortConnectionState.Failed"/>);
    /// <see langword="null"/> never gives up.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public int? MaxReconnectAttempts { get; set; }

    /// <summary>Time allowed for one connection attempt.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>WebSocket keep-alive (ping) interval of the default socket factory.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Clock for reconnect back-off and connect timeouts.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Opens a connected WebSocket to the given URI; replace it to add headers, a proxy, or to cut the wire in tests.</summary>
    /// <value>Defaults to <see langword="null"/>: a <see cref="ClientWebSocket"/> with <see cref="KeepAliveInterval"/>.</value>
    public Func<Uri, CancellationToken, Task<WebSocket>>? WebSocketFactory { get; set; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(DelimitersHex, "options");
        ArgumentNullException.ThrowIfNull(TimeProvider, "options");
        if (MaxRecordLength <= 0 || MaxMessageSize <= 0 || ReceiveQueueCapacity <= 0)
        {
            throw new ArgumentException("MaxRecordLength, MaxMessageSize and ReceiveQueueCapacity must be positive.", "options");
        }

        if (ReconnectDelay < TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay || ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ReconnectDelay must not be negative, MaxReconnectDelay not below it, and ConnectTimeout positive.", "options");
        }

        if (MaxReconnectAttempts is < 0)
        {
            throw new ArgumentException("MaxReconnectAttempts must not be negative.", "options");
        }
    }
}
