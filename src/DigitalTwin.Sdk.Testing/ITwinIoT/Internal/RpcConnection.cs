using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Faults;

namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <summary>One client socket of the emulator: authentication, id rules, dispatch, frame sending and faults.</summary>
internal sealed partial class RpcConnection
{
    private static readonly HashSet<string> BackgroundMethods = new(StringComparer.Ordinal) { "getData", "getObservations" };
    private readonly ITwinIoTEmulator _emulator;
    private readonly IRpcChannel _channel;
    private readonly ITwinIoTStore _store;
    private readonly ITwinIoTEmulatorOptions _options;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly object _gate = new();
    private readonly List<DataSubscription> _dataSubscriptions = [];
    private readonly List<EntitySubscription> _entitySubscriptions = [];
    private bool _authenticated;
    private long _nextId;
    private long _lastId = long.MinValue;
    private int? _framesLeft;
    private volatile bool _aborted;

    public RpcConnection(ITwinIoTEmulator emulator, IRpcChannel channel, ITwinIoTStore store, ITwinIoTEmulatorOptions options)
    {
        _emulator = emulator;
        _channel = channel;
        _store = store;
        _options = options;
    }

    public int DataSubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _dataSubscriptions.Count;
            }
        }
    }

    public int EntitySubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _entitySubscriptions.Count;
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        _framesLeft = _emulator.Faults.TryTake("/" + _channel.Kind, string.Empty, FaultKind.CloseWebSocketAfterFrames)?.Frames;
        try
        {
            while (!linked.IsCancellationRequested)
            {
                var message = await _channel.ReceiveAsync(linked.Token).ConfigureAwait(false);
                if (message is null)
                {
                    break;
                }

                await OnMessageAsync(message.Value).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // The client went away or the connection was cut on purpose.
        }
        finally
        {
            _aborted = true;
            await _lifetime.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Cuts the connection without a close handshake.</summary>
    public void Abort()
    {
        _aborted = true;
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }

        _channel.Abort();
    }

    private async Task OnMessageAsync(ReadOnlyMemory<byte> bytes)
    {
        JsonNode? node;
        var text = System.Text.Encoding.UTF8.GetString(bytes.Span);
        try
        {
            node = JsonNode.Parse(bytes.Span);
        }
        catch (JsonException)
        {
            _emulator.Record(_channel.Kind, "(invalid)", text);
            await SendErrorAsync(null, ITwinIoTEmulatorErrors.ParseError, "Parse error").ConfigureAwait(false);
            return;
        }

        var request = node as JsonObject;
        var id = request is null ? null : ReadId(request["id"]);
        var method = request?["method"] is JsonValue m && m.TryGetValue<string>(out var name) ? name : null;
        _emulator.Record(_channel.Kind, method ?? "(invalid)", text);
        if (request is null || method is null || request["jsonrpc"]?.GetValueKind() != JsonValueKind.String || request["jsonrpc"]!.GetValue<string>() != "2.0")
        {
            await SendErrorAsync(id, ITwinIoTEmulatorErrors.InvalidRequest, "Invalid Request: jsonrpc \"2.0\" and a method are required.").ConfigureAwait(false);
            return;
        }

        if (id is null)
        {
            // A notification: JSON-RPC servers do not answer those, and this API has none.
            return;
        }

        if (_framesLeft is null)
        {
            _framesLeft = _emulator.Faults.TryTake("/" + _channel.Kind, method, FaultKind.CloseWebSocketAfterFrames)?.Frames;
        }

        var parameters = request["params"];
        if (parameters is not null and not JsonObject)
        {
            await SendErrorAsync(id, ITwinIoTEmulatorErrors.InvalidParams, "params must be an object.").ConfigureAwait(false);
            return;
        }

        var p = (JsonObject?)parameters ?? [];
        if (method != "authenticate")
        {
            if (!_authenticated)
            {
                await SendErrorAsync(id, ITwinIoTEmulatorErrors.NotAuthenticated, "Not authenticated: authenticate must be the first request on a connection.").ConfigureAwait(false);
                return;
            }

            if (id < _nextId || id <= _lastId)
            {
                await SendErrorAsync(id, ITwinIoTEmulatorErrors.InvalidRequest, string.Create(CultureInfo.InvariantCulture, $"Invalid request id {id}: ids must start at nextId ({_nextId}) and increase.")).ConfigureAwait(false);
                return;
            }

            _lastId = id.Value;
        }

        var errorFault = _emulator.Faults.TryTake("/" + _channel.Kind, method, FaultKind.JsonRpcError);
        if (errorFault is not null)
        {
            await SendErrorAsync(id, errorFault.RpcErrorCode, errorFault.Body).ConfigureAwait(false);
            return;
        }

        var delayFault = _emulator.Faults.TryTake("/" + _channel.Kind, method, FaultKind.Delay);
        if (delayFault is not null || _options.MaxResponseJitter > TimeSpan.Zero)
        {
            var delay = delayFault?.Duration ?? TimeSpan.FromTicks(Random.Shared.NextInt64(_options.MaxResponseJitter.Ticks));
            _ = Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(delay, _lifetime.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await HandleAsync(id.Value, method, p).ConfigureAwait(false);
            });
        }
        else if (BackgroundMethods.Contains(method))
        {
            _ = Task.Run(() => HandleAsync(id.Value, method, p));
        }
        else
        {
            await HandleAsync(id.Value, method, p).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(long id, string method, JsonObject p)
    {
        try
        {
            var result = method switch
            {
                "authenticate" => Authenticate(id, p),
                "help" => Help(),
                "time" => new JsonObject { ["time"] = ITwinIoTStore.Iso(DateTimeOffset.UtcNow) },
                "getNodes" => GetEntities(EntityKind.Node, p, "nodes", null),
                "getDevices" => GetEntities(EntityKind.Device, p, "devices", "nodes"),
                "getSensors" => GetEntities(EntityKind.Sensor, p, "sensors", "devices"),
                "subscribeNodes" => SubscribeEntities(id, EntityKind.Node, p, "nodes"),
                "subscribeDevices" => SubscribeEntities(id, EntityKind.Device, p, "devices"),
                "subscribeSensors" => SubscribeEntities(id, EntityKind.Sensor, p, "sensors"),
                "unsubscribeNodes" => UnsubscribeEntities(EntityKind.Node, p),
                "unsubscribeDevices" => UnsubscribeEntities(EntityKind.Device, p),
                "unsubscribeSensors" => UnsubscribeEntities(EntityKind.Sensor, p),
                "updateNode" => await UpdateEntityAsync(EntityKind.Node, p, "node").ConfigureAwait(false),
                "updateDevice" => await UpdateEntityAsync(EntityKind.Device, p, "device").ConfigureAwait(false),
                "updateSensor" => await UpdateEntityAsync(EntityKind.Sensor, p, "sensor").ConfigureAwait(false),
                "createNode" => CreateNode(p),
                "createDevice" => CreateDevice(p),
                "createSensor" => CreateSensor(p),
                "getRawMetrics" => GetRawMetrics(p),
                "getMetrics" => GetMetrics(p),
                "getUnits" => GetUnits(p),
                "getData" => await StreamDataAsync(id, p, raw: false).ConfigureAwait(false),
                "getObservations" => await StreamDataAsync(id, p, raw: true).ConfigureAwait(false),
                "getObservationsSummary" => GetObservationsSummary(p),
                "subscribeData" => SubscribeData(id, p),
                "unsubscribeData" => UnsubscribeData(p),
                "uploadData" => await UploadDataAsync(p).ConfigureAwait(false),
                _ => throw new RpcError(ITwinIoTEmulatorErrors.MethodNotFound, $"Method not found: {method}"),
            };

            if (result is not null)
            {
                await SendResultAsync(id, result).ConfigureAwait(false);
            }
        }
        catch (RpcError error)
        {
            await SendErrorAsync(id, error.Code, error.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
            // The connection died while answering.
        }
        catch (Exception ex) when (!_aborted)
        {
            await SendErrorAsync(id, -32603, "Internal error: " + ex.GetType().Name).ConfigureAwait(false);
        }
    }

    private JsonNode Authenticate(long id, JsonObject p)
    {
        var code = p["code"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(code) || !_emulator.AcceptsCredential(code))
        {
            throw new RpcError(ITwinIoTEmulatorErrors.AuthenticationFailed, "Authentication failed: unknown API key or token.");
        }

        _authenticated = true;
        _nextId = Math.Max(_options.NextId, id + 1);
        _lastId = long.MinValue;
        _emulator.OnAuthenticated();
        return new JsonObject { ["nextId"] = _nextId };
    }

    private static JsonObject Help()
    {
        var requests = new JsonArray();
        foreach (var (name, parameters) in HelpEntries)
        {
            requests.Add(new JsonObject { ["request"] = name, ["params"] = new JsonArray([.. parameters.Select(x => (JsonNode)x)]) });
        }

        return new JsonObject { ["requests"] = requests };
    }

    private static readonly (string Name, string[] Params)[] HelpEntries =
    [
        ("authenticate", ["code"]), ("help", []), ("time", []),
        ("getNodes", ["nodes", "projectIds"]), ("getDevices", ["devices", "nodes", "projectIds"]), ("getSensors", ["sensors", "devices", "projectIds"]),
        ("subscribeNodes", ["nodes", "projectIds"]), ("subscribeDevices", ["devices", "projectIds"]), ("subscribeSensors", ["sensors", "projectIds"]),
        ("unsubscribeNodes", ["id"]), ("unsubscribeDevices", ["id"]), ("unsubscribeSensors", ["id"]),
        ("updateNode", ["node", "props", "projectIds"]), ("updateDevice", ["device", "props", "projectIds"]), ("updateSensor", ["sensor", "props", "projectIds"]),
        ("createNode", ["node", "type", "props", "projectIds"]), ("createDevice", ["device", "type", "props", "projectIds"]), ("createSensor", ["sensor", "type", "observationType", "props", "projectIds"]),
        ("getRawMetrics", ["sensors", "types", "projectIds"]), ("getMetrics", ["sensors", "projectIds"]), ("getUnits", ["metrics", "projectIds"]),
        ("getData", ["sensor", "metric", "unit", "params", "startDate", "endDate", "limit", "projectIds"]),
        ("getObservations", ["sensor", "metric", "unit", "params", "startDate", "endDate", "limit", "projectIds"]),
        ("getObservationsSummary", ["sensors", "projectIds"]),
        ("subscribeData", ["sensors", "metric", "unit", "params", "projectIds"]), ("unsubscribeData", ["id"]), ("uploadData", ["data", "projectIds"]),
    ];

    private static long? ReadId(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number))
        {
            return number;
        }

        return value.GetValueKind() == JsonValueKind.String && long.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    internal Task SendResultAsync(long id, JsonNode result) =>
        SendAsync(w =>
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc"u8, "2.0"u8);
            w.WriteNumber("id"u8, id);
            w.WritePropertyName("result"u8);
            result.WriteTo(w);
            w.WriteEndObject();
        });

    private Task SendErrorAsync(long? id, int code, string message) =>
        SendAsync(w =>
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc"u8, "2.0"u8);
            if (id is null)
            {
                w.WriteNull("id"u8);
            }
            else
            {
                w.WriteNumber("id"u8, id.Value);
            }

            w.WriteStartObject("error"u8);
            w.WriteNumber("code"u8, code);
            w.WriteString("message"u8, message);
            w.WriteEndObject();
            w.WriteEndObject();
        });

    internal async Task SendAsync(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        await _sendLock.WaitAsync(_lifetime.Token).ConfigureAwait(false);
        try
        {
            if (_aborted)
            {
                throw new OperationCanceledException("The connection was cut.");
            }

            await _channel.SendAsync(buffer.WrittenMemory, _lifetime.Token).ConfigureAwait(false);
            if (_framesLeft is int left)
            {
                _framesLeft = left - 1;
                if (left - 1 <= 0)
                {
                    // Stop sending now; cut the socket a moment later so the frames already written reach the client
                    // (an immediate abort would discard them in the server's output buffer).
                    _aborted = true;
                    _ = Task.Delay(250).ContinueWith(
                        static (_, state) =>
                        {
                            var connection = (RpcConnection)state!;
                            try
                            {
                                connection.Abort();
                            }
                            finally
                            {
                                connection._emulator.OnFaultCut();
                            }
                        },
                        this,
                        CancellationToken.None,
                        TaskContinuationOptions.None,
                        TaskScheduler.Default);
                }
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
