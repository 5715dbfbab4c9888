using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Hosting;
using DigitalTwin.Sdk.Testing.ITwinIoT.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.ITwinIoT;

/// <summary>
/// Loopback emulator of the Bentley iTwin IoT socket API (JSON-RPC 2.0 over WebSocket at <see cref="WebSocketUri"/>
/// and over plain TCP at <see cref="TcpEndPoint"/>) with a seeded node → device → sensor hierarchy, metrics and units,
/// generated observation series, data and entity subscriptions that push, and uploads.
/// </summary>
/// <remarks>
/// <para>Enforced as documented: <c>authenticate</c> (API key or JWT) must be the first request; request ids must start
/// at the returned <c>nextId</c> and increase; <c>getData</c> answers in several <c>result</c> frames of
/// <see cref="ITwinIoTEmulatorOptions.PointsPerFrame"/> points followed by <c>{"requestStatus": "finished"}</c>;
/// only one projectId per request; createNode needs <c>props.VERSION</c>, createDevice <c>props.NODE_ID</c>.
/// Errors are JSON-RPC error objects with the codes in <see cref="ITwinIoTEmulatorErrors"/>.</para>
/// <para>Faults: <c>Faults.Add(Fault.CloseWebSocketAfter(n), method: "getData")</c> cuts the socket (TCP reset, no
/// close handshake) after <c>n</c> more server frames once a request of that method arrives; without a method it counts
/// from the connection's first frame. <c>Faults.Add(Fault.Delay(t), method: "time")</c> holds the answer to the next
/// request of that method for <c>t</c> (other requests keep flowing). <c>Faults.Add(Fault.JsonRpcError(code, message),
/// method: "uploadData")</c> answers the next request of that method with that error object without handling it. HTTP faults apply to the WebSocket upgrade request
/// (path <c>/</c>).</para>
/// <para>Every JSON-RPC message is recorded in <see cref="EmulatorBase.Requests"/> with the JSON-RPC method as
/// <see cref="RecordedRequest.Method"/>, path <c>/ws</c> or <c>/tcp</c> and the raw JSON as body.</para>
/// </remarks>
public sealed partial class ITwinIoTEmulator : EmulatorBase
{
    /// <summary>The seeded THREAD connection (node) of the Default Project.</summary>
    public const string NodeId = "/fn/6C4F6D/node";

    /// <summary>The seeded DGSI M Logger device under <see cref="NodeId"/>.</summary>
    public const string DeviceId = "/fn/6C4F6D/node/dgsimlogger/032432/device";

    /// <summary>The seeded biaxial tilt sensor of the documentation's examples (metrics ax, ay, dx, dy, T).</summary>
    public const string TiltSensorId = "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt4/sensor";

    /// <summary>A seeded Rugged TROLL sensor of the Default Project (metrics dT, T, P_raw).</summary>
    public const string TrollSensorId = "/fn/6B652F/node/dynamic/4F21A0/device/rugged_troll_insitu_sde/sensor";

    /// <summary>A second project; its node /fn/6C954F/node is only visible with <c>projectIds</c>.</summary>
    public const string SecondProjectId = ITwinIoTStore.SecondProjectId;

    private readonly ConcurrentDictionary<RpcConnection, byte> _connections = new();
    private readonly ITwinIoTStore _store;
    private TcpListener? _tcp;
    private CancellationTokenSource? _tcpStop;
    private int _connectionCount;
    private int _authentications;
    private long _pointsSent;
    private int _faultCuts;

    private ITwinIoTEmulator(ITwinIoTEmulatorOptions options)
        : base(options)
    {
        Options = options;
        _store = new ITwinIoTStore(options);
    }

    /// <summary>Gets the settings (credentials to use are <see cref="ITwinIoTEmulatorOptions.ApiKey"/> and <see cref="ITwinIoTEmulatorOptions.Jwt"/>).</summary>
    public ITwinIoTEmulatorOptions Options { get; }

    /// <summary>Gets the accepted API key.</summary>
    public string ApiKey => Options.ApiKey;

    /// <summary>Gets the accepted JWT.</summary>
    public string Jwt => Options.Jwt;

    /// <summary>Gets the WebSocket address of the JSON-RPC API, e.g. <c>ws://127.0.0.1:41234/</c>.</summary>
    public Uri WebSocketUri => new UriBuilder(BaseUri) { Scheme = "ws" }.Uri;

    /// <summary>Gets the plain-TCP endpoint of the JSON-RPC API.</summary>
    public IPEndPoint TcpEndPoint => (IPEndPoint)(_tcp?.LocalEndpoint ?? new IPEndPoint(IPAddress.Loopback, 0));

    /// <summary>Gets how many socket connections (WebSocket or TCP) were accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Gets how many socket connections are open now.</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>
    /// Gets how many connections a <see cref="DigitalTwin.Sdk.Testing.Faults.Fault.CloseWebSocketAfter(int)"/> fault has cut, counted once the
    /// delayed cut has run (whether or not the client was still connected).
    /// </summary>
    public int FaultCuts => Volatile.Read(ref _faultCuts);

    /// <summary>Gets how many successful <c>authenticate</c> requests were answered.</summary>
    public int Authentications => Volatile.Read(ref _authentications);

    /// <summary>Gets how many observations were sent in data frames (getData, getObservations, subscriptions).</summary>
    public long DataPointsSent => Interlocked.Read(ref _pointsSent);

    /// <summary>
    /// Gets how many observations the emulator stored from uploads (socket <c>uploadData</c>, REST <c>data/upload</c>)
    /// and <see cref="PublishObservationAsync"/>, counting an observation sent again for the same sensor and timestamp
    /// again: the server's own count to check a client's upload report against.
    /// </summary>
    public long ObservationsReceived => _store.ReceivedCounts().Received;

    /// <summary>Gets how many distinct sensor and timestamp pairs were stored that way (a resent observation replaces the first).</summary>
    public long DistinctObservationsReceived => _store.ReceivedCounts().Distinct;

    /// <summary>Gets the number of live data subscriptions over all open connections.</summary>
    public int DataSubscriptionCount => _connections.Keys.Sum(c => c.DataSubscriptionCount);

    /// <summary>Gets the number of live node/device/sensor subscriptions over all open connections.</summary>
    public int EntitySubscriptionCount => _connections.Keys.Sum(c => c.EntitySubscriptionCount);

    /// <summary>Starts the emulator on free loopback ports.</summary>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<ITwinIoTEmulator> StartAsync(ITwinIoTEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new ITwinIoTEmulator(options ?? new ITwinIoTEmulatorOptions());
        await emulator.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        emulator.StartTcp();
        return emulator;
    }

    /// <summary>Replaces a sensor's generated series (for example a million points for streaming tests); values are deterministic.</summary>
    /// <param name="sensorId">An existing sensor.</param>
    /// <param name="start">Timestamp of the first point.</param>
    /// <param name="interval">Spacing of the points; must be positive.</param>
    /// <param name="count">Number of points.</param>
    /// <exception cref="ArgumentException">The sensor does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> or <paramref name="count"/> is out of range.</exception>
    public void SetSeries(string sensorId, DateTimeOffset start, TimeSpan interval, long count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!_store.Contains(EntityKind.Sensor, sensorId))
        {
            throw new ArgumentException($"Unknown sensor '{sensorId}'.", nameof(sensorId));
        }

        _store.SetTimeline(sensorId, new SensorTimeline(start, interval, count, Options.Seed));
    }

    /// <summary>Records a new observation as if uploaded, and pushes it to matching data subscriptions.</summary>
    /// <param name="sensorId">An existing sensor.</param>
    /// <param name="timestamp">Observation time.</param>
    /// <param name="values">Raw metric values.</param>
    /// <param name="cancellationToken">Cancels before the observation is recorded.</param>
    /// <returns>A task that completes when pushed.</returns>
    /// <exception cref="ArgumentException">The sensor does not exist.</exception>
    public async Task PublishObservationAsync(string sensorId, DateTimeOffset timestamp, IReadOnlyDictionary<string, double> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_store.Upload(sensorId, timestamp, new Dictionary<string, double>(values)))
        {
            throw new ArgumentException($"Unknown sensor '{sensorId}'.", nameof(sensorId));
        }

        await PublishObservationCoreAsync(sensorId, timestamp, values).ConfigureAwait(false);
    }

    /// <summary>Cuts every open socket connection (no close handshake), as a network failure would.</summary>
    public void DropConnections()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Abort();
        }
    }

    /// <inheritdoc />
    protected override TimeProvider Clock => Options.TimeProvider;

    /// <inheritdoc />
    protected override void MapEndpoints(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStopping.Register(StopTcp);
        app.Map("/", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("The socket API needs a WebSocket upgrade.", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await RunConnectionAsync(new WebSocketRpcChannel(socket, context), context.RequestAborted).ConfigureAwait(false);
        });
        MapRest(app);
    }

    internal bool AcceptsCredential(string code) =>
        string.Equals(code, Options.ApiKey, StringComparison.Ordinal)
        || string.Equals(code, Options.Jwt, StringComparison.Ordinal)
        || IsIssuedToken(code);

    internal void OnAuthenticated() => Interlocked.Increment(ref _authentications);

    internal void OnPointsSent(int count) => Interlocked.Add(ref _pointsSent, count);

    internal void OnFaultCut() => Interlocked.Increment(ref _faultCuts);

    internal void Record(string kind, string method, string body) =>
        Requests.Add(new RecordedRequest(method, "/" + kind, string.Empty, new Dictionary<string, string>(), body, Clock.GetUtcNow()));

    /// <summary>Upload rule: keys must be raw metrics of a catalogued sensor type; generic sensors take any metric.</summary>
    internal bool Accepts(string sensorId, Dictionary<string, double> values)
    {
        var raw = _store.MetricsOf(sensorId, rawOnly: true);
        return raw.Count == 0 || values.Keys.All(k => raw.Exists(m => m.Id == k));
    }

    internal async Task PublishObservationCoreAsync(string sensorId, DateTimeOffset timestamp, IReadOnlyDictionary<string, double> values)
    {
        foreach (var connection in _connections.Keys)
        {
            try
            {
                await connection.PushObservationAsync(sensorId, timestamp, values).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
            {
                // That subscriber's socket is gone.
            }
        }
    }

    internal async Task PublishEntityAsync(EntityKind kind, JsonObject entity)
    {
        foreach (var connection in _connections.Keys)
        {
            try
            {
                await connection.PushEntityAsync(kind, entity).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
            {
                // That subscriber's socket is gone.
            }
        }
    }

    private async Task RunConnectionAsync(IRpcChannel channel, CancellationToken cancellationToken)
    {
        var connection = new RpcConnection(this, channel, _store, Options);
        _connections[connection] = 0;
        Interlocked.Increment(ref _connectionCount);
        try
        {
            await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }

    private void StartTcp()
    {
        _tcpStop = new CancellationTokenSource();
        _tcp = new TcpListener(IPAddress.Loopback, 0);
        _tcp.Start();
        var stop = _tcpStop.Token;
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _tcp.AcceptTcpClientAsync(stop).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                client.NoDelay = true;
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        await RunConnectionAsync(new TcpRpcChannel(client, Options.TcpWriteChunkSize), stop).ConfigureAwait(false);
                    }
                });
            }
        });
    }

    private void StopTcp()
    {
        _tcpStop?.Cancel();
        _tcp?.Stop();
        DropConnections();
    }
}
