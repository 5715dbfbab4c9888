using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>Settings of a <see cref="JsonRpcConnection"/>.</summary>
public sealed class JsonRpcConnectionOptions
{
    /// <summary>
    /// Gets or sets the factory that opens a new transport (a WebSocket, a TCP stream). Called for the first connect
    /// and for each reconnect attempt; tests substitute it to cut the wire.
    /// </summary>
    /// <value>Required; defaults to <see langword="null"/>.</value>
    public Func<CancellationToken, ValueTask<IJsonRpcTransport>>? TransportFactory { get; set; }

    /// <summary>
    /// Gets or sets the handshake run on every new transport before any other request (for example authentication).
    /// Request ids continue after the handshake's own requests, unless the handshake names the next id itself
    /// (<see cref="JsonRpcHandshakeContext.ContinueRequestIdsAt"/>, for a server that dictates it).
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: no handshake; ids start at <see cref="InitialRequestId"/>.</value>
    public Func<JsonRpcHandshakeContext, CancellationToken, ValueTask>? Handshake { get; set; }

    /// <summary>Gets or sets the id of the first request on a new transport (the handshake's first request).</summary>
    /// <value>Defaults to 0.</value>
    public long InitialRequestId { get; set; }

    /// <summary>Gets or sets the default timeout of a request, including any wait for a (re)connection.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the timeout of opening a transport and running the handshake.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the method sent periodically to keep the connection alive and detect a dead peer, or <see langword="null"/> for none.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? KeepAliveMethod { get; set; }

    /// <summary>Gets or sets the period of the keepalive request.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long a keepalive may stay unanswered before the connection is considered dead and re-opened.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the delay before the second reconnect attempt; the first is immediate, later ones double it (with ±20% jitter).</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the largest delay between reconnect attempts.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many reconnect attempts are made after a drop before the connection closes for good
    /// (failing every waiting request and stream with <see cref="ConnectionLostException"/>); 0 disables reconnecting.
    /// </summary>
    /// <value>Defaults to 10.</value>
    public int MaxReconnectAttempts { get; set; } = 10;

    /// <summary>Gets or sets the clock used for timeouts, back-off and keepalive.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the logger. Messages never contain request parameters or results.</summary>
    /// <value>Defaults to <see cref="NullLogger.Instance"/>.</value>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (TransportFactory is null)
        {
            throw new InvalidOperationException($"{nameof(TransportFactory)} is required.");
        }

        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new InvalidOperationException($"{nameof(RequestTimeout)} must be positive or infinite.");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{nameof(ConnectTimeout)} must be positive.");
        }

        if (KeepAliveMethod is not null && (KeepAliveInterval <= TimeSpan.Zero || KeepAliveTimeout <= TimeSpan.Zero))
        {
            throw new InvalidOperationException($"{nameof(KeepAliveInterval)} and {nameof(KeepAliveTimeout)} must be positive.");
        }

        if (ReconnectDelay < TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay || MaxReconnectAttempts < 0)
        {
            throw new InvalidOperationException("Reconnect settings are out of range.");
        }
    }
}
