using System.Net;
using System.Net.WebSockets;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>Settings of the <see cref="ITwinIoTSocketClient"/> (the JSON-RPC socket API).</summary>
/// <remarks>Holds a credential: never log an instance. <see cref="ToString"/> omits secrets.</remarks>
public sealed class ITwinIoTSocketOptions
{
    /// <summary>Gets or sets the transport.</summary>
    /// <value>Defaults to <see cref="ITwinIoTTransport.WebSocket"/>.</value>
    public ITwinIoTTransport Transport { get; set; } = ITwinIoTTransport.WebSocket;

    /// <summary>Gets or sets the WebSocket address; <c>wss://</c>, or <c>ws://</c> for loopback hosts only.</summary>
    /// <value>Defaults to <c>wss://iiot.bentley.com:4201/</c>.</value>
    public Uri WebSocketUrl { get; set; } = new("wss://iiot.bentley.com:4201/");

    /// <summary>Gets or sets the host of the plain TCP endpoint.</summary>
    /// <value>Defaults to <c>iiot.bentley.com</c>.</value>
    public string TcpHost { get; set; } = "iiot.bentley.com";

    /// <summary>Gets or sets the port of the plain TCP endpoint.</summary>
    /// <value>Defaults to 4200.</value>
    public int TcpPort { get; set; } = 4200;

    /// <summary>Gets or sets the API key sent by <c>authenticate</c>. Set this or <see cref="AccessTokenProvider"/>.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the source of an IMS JWT sent by <c>authenticate</c>; called for every (re)connection so a fresh
    /// token is used. Set this or <see cref="ApiKey"/>.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public Func<CancellationToken, ValueTask<string>>? AccessTokenProvider { get; set; }

    /// <summary>Gets or sets the project used when a call names none; <see langword="null"/> lets the server use the organisation's Default Project.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? ProjectId { get; set; }

    /// <summary>Gets or sets the period of the keepalive <c>time</c> request; <see cref="Timeout.InfiniteTimeSpan"/> disables it.</summary>
    /// <value>Defaults to 5 seconds (as the document's example).</value>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long a keepalive may go unanswered before the socket is considered dead and re-opened.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the timeout of a request, including any wait for a reconnect.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the timeout of opening the socket and authenticating.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the delay before the second reconnect attempt (the first is immediate; later ones double, with jitter).</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the largest delay between reconnect attempts.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many reconnect attempts follow a dropped socket before the client closes for good.</summary>
    /// <value>Defaults to 10.</value>
    public int MaxReconnectAttempts { get; set; } = 10;

    /// <summary>
    /// Gets or sets how many getData frames may wait for a slow consumer; beyond that the socket is not read
    /// (back-pressure, <see cref="JsonRpcStreamFullMode.Wait"/>), so memory stays bounded whatever the series length.
    /// </summary>
    /// <value>Defaults to 16 frames.</value>
    public int DataBufferFrames { get; set; } = 16;

    /// <summary>Gets or sets how many subscription frames may wait for a slow consumer.</summary>
    /// <value>Defaults to 10,000 frames.</value>
    public int SubscriptionBufferFrames { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets what a subscription does when <see cref="SubscriptionBufferFrames"/> are waiting. The default fails the
    /// subscription loudly rather than stalling every other request on the socket or dropping notifications silently.
    /// </summary>
    /// <value>Defaults to <see cref="JsonRpcStreamFullMode.Fail"/>.</value>
    public JsonRpcStreamFullMode SubscriptionFullMode { get; set; } = JsonRpcStreamFullMode.Fail;

    /// <summary>Gets or sets the largest message accepted, in bytes.</summary>
    /// <value>Defaults to 16 MiB.</value>
    public int MaxMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Gets or sets a hook adjusting the <see cref="ClientWebSocket"/> options (proxy, headers, certificates).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; set; }

    /// <summary>Gets or sets a factory replacing the socket entirely (tests cut the wire with it).</summary>
    /// <value>Defaults to <see langword="null"/> (use <see cref="Transport"/>).</value>
    public Func<CancellationToken, ValueTask<IJsonRpcTransport>>? TransportFactory { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing, contradictory or out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey) == (AccessTokenProvider is null))
        {
            throw new InvalidOperationException($"Set exactly one of {nameof(ApiKey)} and {nameof(AccessTokenProvider)}.");
        }

        if (TransportFactory is null && Transport == ITwinIoTTransport.WebSocket)
        {
            if (WebSocketUrl is null || !WebSocketUrl.IsAbsoluteUri)
            {
                throw new InvalidOperationException($"{nameof(WebSocketUrl)} must be an absolute ws(s):// address.");
            }

            var secure = WebSocketUrl.Scheme == "wss";
            var loopbackPlain = WebSocketUrl.Scheme == "ws" && (WebSocketUrl.IsLoopback || (IPAddress.TryParse(WebSocketUrl.Host, out var ip) && IPAddress.IsLoopback(ip)));
            if (!secure && !loopbackPlain)
            {
                throw new InvalidOperationException($"{nameof(WebSocketUrl)} must use wss:// (ws:// is accepted for loopback hosts only).");
            }
        }

        if (TransportFactory is null && Transport == ITwinIoTTransport.Tcp && (string.IsNullOrWhiteSpace(TcpHost) || TcpPort is <= 0 or > 65535))
        {
            throw new InvalidOperationException($"{nameof(TcpHost)} and {nameof(TcpPort)} must be set for the TCP transport.");
        }

        if (DataBufferFrames <= 0 || SubscriptionBufferFrames <= 0 || MaxMessageSize <= 0)
        {
            throw new InvalidOperationException("Buffer sizes must be positive.");
        }

        if (ReconnectDelay < TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay || MaxReconnectAttempts < 0)
        {
            throw new InvalidOperationException($"{nameof(ReconnectDelay)} must be non-negative and not above {nameof(MaxReconnectDelay)}; {nameof(MaxReconnectAttempts)} must not be negative.");
        }

        if (KeepAliveInterval <= TimeSpan.Zero && KeepAliveInterval != Timeout.InfiniteTimeSpan)
        {
            throw new InvalidOperationException($"{nameof(KeepAliveInterval)} must be positive or infinite.");
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"ITwinIoTSocketOptions {{ Transport = {Transport}, WebSocketUrl = {WebSocketUrl}, Tcp = {TcpHost}:{TcpPort}, ProjectId = {ProjectId}, Auth = {(ApiKey is null ? "token" : "api key")} }}";
}
