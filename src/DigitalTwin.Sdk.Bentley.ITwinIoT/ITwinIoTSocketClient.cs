using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Core.JsonRpc;
using DigitalTwin.Sdk.Core.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>
/// Typed client of the iTwin IoT socket API (JSON-RPC 2.0 over WebSocket or TCP): entities, metrics, observation
/// streams, subscriptions and uploads over one authenticated socket.
/// </summary>
/// <remarks>
/// <para>Thread-safe; share one instance. Requests from any number of callers are multiplexed over one socket and
/// routed by id. The socket is opened and authenticated (API key or IMS JWT) on first use; ids continue from the
/// <c>nextId</c> the server returns. A keepalive <c>time</c> request runs every
/// <see cref="ITwinIoTSocketOptions.KeepAliveInterval"/>.</para>
/// <para>When the socket drops the client reconnects with back-off, authenticates again, re-subscribes every live
/// subscription and resumes interrupted <c>getData</c> streams after the last timestamp received (no gap, no
/// duplicate). Other requests in flight fail with <see cref="ConnectionLostException"/>; new ones wait for the new
/// socket within their timeout. Dispose to close.</para>
/// </remarks>
public sealed partial class ITwinIoTSocketClient : IITwinIoTSocketClient, IAsyncDisposable
{
    private readonly ITwinIoTSocketOptions _options;
    private readonly JsonRpcConnection _connection;

    /// <summary>Initializes a new instance of the <see cref="ITwinIoTSocketClient"/> class; nothing is opened until first use.</summary>
    /// <param name="options">The settings; validated here. The credential is part of them (<see cref="ITwinIoTSocketOptions.ApiKey"/> or <see cref="ITwinIoTSocketOptions.AccessTokenProvider"/>), as the socket sends it in its own <c>authenticate</c> request.</param>
    /// <param name="loggerFactory">Optional logging (never given credentials, parameters or results).</param>
    /// <param name="timeProvider">Optional clock for request timeouts, keepalives and reconnect back-off.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A setting is missing or invalid.</exception>
    public ITwinIoTSocketClient(ITwinIoTSocketOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _connection = new JsonRpcConnection(new JsonRpcConnectionOptions
        {
            TransportFactory = options.TransportFactory ?? OpenTransportAsync,
            Handshake = AuthenticateAsync,
            InitialRequestId = 0,
            RequestTimeout = options.RequestTimeout,
            ConnectTimeout = options.ConnectTimeout,
            KeepAliveMethod = options.KeepAliveInterval == Timeout.InfiniteTimeSpan ? null : "time",
            KeepAliveInterval = options.KeepAliveInterval == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(5) : options.KeepAliveInterval,
            KeepAliveTimeout = options.KeepAliveTimeout,
            ReconnectDelay = options.ReconnectDelay,
            MaxReconnectDelay = options.MaxReconnectDelay,
            MaxReconnectAttempts = options.MaxReconnectAttempts,
            TimeProvider = timeProvider ?? TimeProvider.System,
            Logger = loggerFactory?.CreateLogger<ITwinIoTSocketClient>() ?? (ILogger)NullLogger.Instance,
        });
        _connection.StateChanged += (_, e) => StateChanged?.Invoke(this, e);
    }

    /// <inheritdoc />
    public event EventHandler<JsonRpcConnectionStateChangedEventArgs>? StateChanged;

    /// <inheritdoc />
    public JsonRpcConnectionState State => _connection.State;

    /// <inheritdoc />
    public Task Completion => _connection.Completion;

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken = default) => _connection.ConnectAsync(cancellationToken);

    /// <inheritdoc />
    public Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync("time", null, ParseTime, cancellationToken);

    /// <inheritdoc />
    public Task<JsonElement> GetHelpAsync(CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync("help", static w => { w.WriteStartObject(); w.WriteEndObject(); }, ParseElement, cancellationToken);

    /// <summary>Closes the socket; requests still in flight fail with <see cref="ConnectionLostException"/>.</summary>
    /// <returns>A task that completes when the socket is closed.</returns>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async ValueTask<IJsonRpcTransport> OpenTransportAsync(CancellationToken cancellationToken) =>
        _options.Transport == ITwinIoTTransport.Tcp
            ? await JsonStreamTransport.ConnectTcpAsync(_options.TcpHost, _options.TcpPort, _options.MaxMessageSize, cancellationToken).ConfigureAwait(false)
            : await WebSocketJsonRpcTransport.ConnectAsync(_options.WebSocketUrl, _options.ConfigureWebSocket, _options.MaxMessageSize, cancellationToken).ConfigureAwait(false);

    /// <summary>iTwin IoT's handshake: <c>authenticate</c>, whose answer names the id the server expects next (<c>nextId</c>).</summary>
    private async ValueTask AuthenticateAsync(JsonRpcHandshakeContext context, CancellationToken cancellationToken)
    {
        var code = _options.ApiKey ?? await _options.AccessTokenProvider!(cancellationToken).ConfigureAwait(false);
        var nextId = await context.InvokeAsync(
            "authenticate",
            w =>
            {
                w.WriteStartObject();
                w.WriteString("code"u8, code);
                w.WriteEndObject();
            },
            ParseNextId,
            cancellationToken).ConfigureAwait(false);
        context.ContinueRequestIdsAt(nextId);
    }

    private static long ParseNextId(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isNextId = reader.ValueTextEquals("nextId"u8);
                reader.Read();
                if (isNextId && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var nextId))
                {
                    return nextId;
                }

                reader.Skip();
            }
        }

        throw new JsonException("The authenticate result carries no numeric nextId.");
    }

    private static DateTimeOffset ParseTime(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTime = reader.ValueTextEquals("time"u8);
                reader.Read();
                if (isTime && reader.TokenType == JsonTokenType.String && IsoTimestamp.TryParse(reader.ValueSpan, out var time))
                {
                    return time;
                }

                reader.Skip();
            }
        }

        throw new JsonException("The time result carries no ISO time.");
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new JsonException($"The result is null where {typeof(T).Name} was expected.");

    private static IReadOnlyDictionary<string, IReadOnlyList<TValue>> ToReadOnly<TValue>(Dictionary<string, List<TValue>> source)
    {
        var result = new Dictionary<string, IReadOnlyList<TValue>>(source.Count, StringComparer.Ordinal);
        foreach (var (key, value) in source)
        {
            result[key] = value;
        }

        return result;
    }

    private string? Project(string? projectId) => projectId ?? _options.ProjectId;

    private static JsonElement ParseElement(ReadOnlySpan<byte> json) => Deserialize(json, ITwinIoTJsonContext.Default.JsonElement);
}
