using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <content>Entity requests: retrieve, subscribe, update, create.</content>
public sealed partial class ITwinIoTSocketClient
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ITwinIoTEntity>> GetNodesAsync(IReadOnlyList<string>? nodeIds = null, string? projectId = null, CancellationToken cancellationToken = default) =>
        GetEntitiesAsync("getNodes", "nodes", nodeIds, projectId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ITwinIoTEntity>> GetDevicesAsync(IReadOnlyList<string>? deviceIds = null, string? projectId = null, CancellationToken cancellationToken = default) =>
        GetEntitiesAsync("getDevices", "devices", deviceIds, projectId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ITwinIoTEntity>> GetSensorsAsync(IReadOnlyList<string>? sensorIds = null, string? projectId = null, CancellationToken cancellationToken = default) =>
        GetEntitiesAsync("getSensors", "sensors", sensorIds, projectId, cancellationToken);

    /// <inheritdoc />
    public Task<ITwinIoTSubscription<ITwinIoTEntity>> SubscribeNodesAsync(IReadOnlyList<string> nodeIds, string? projectId = null, CancellationToken cancellationToken = default) =>
        SubscribeEntitiesAsync("subscribeNodes", "unsubscribeNodes", "nodes", nodeIds, projectId, cancellationToken);

    /// <inheritdoc />
    public Task<ITwinIoTSubscription<ITwinIoTEntity>> SubscribeDevicesAsync(IReadOnlyList<string> deviceIds, string? projectId = null, CancellationToken cancellationToken = default) =>
        SubscribeEntitiesAsync("subscribeDevices", "unsubscribeDevices", "devices", deviceIds, projectId, cancellationToken);

    /// <inheritdoc />
    public Task<ITwinIoTSubscription<ITwinIoTEntity>> SubscribeSensorsAsync(IReadOnlyList<string> sensorIds, string? projectId = null, CancellationToken cancellationToken = default) =>
        SubscribeEntitiesAsync("subscribeSensors", "unsubscribeSensors", "sensors", sensorIds, projectId, cancellationToken);

    /// <inheritdoc />
    public Task<ITwinIoTEntity> UpdateNodeAsync(string nodeId, JsonObject props, string? projectId = null, CancellationToken cancellationToken = default) =>
        UpdateAsync("updateNode", "node", nodeId, props, projectId, cancellationToken);

    /// <inheritdoc />
    public Task<ITwinIoTEntity> UpdateDeviceAsync(string deviceId, JsonObject props, string? projectId = null, CancellationToken cancellationToken = default) =>
        UpdateAsync("updateDevice", "device", deviceId, props, projectId, cancellationToken);

    /// <inheritdoc />
    public Task<ITwinIoTEntity> UpdateSensorAsync(string sensorId, JsonObject props, string? projectId = null, CancellationToken cancellationToken = default) =>
        UpdateAsync("updateSensor", "sensor", sensorId, props, projectId, cancellationToken);

    /// <inheritdoc />
    public Task<ITwinIoTEntity> CreateNodeAsync(CreateNodeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireEntityId(request.NodeId, "node", nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Type, nameof(request));
        if (string.IsNullOrWhiteSpace(request.Version))
        {
            throw new ArgumentException("props.VERSION (the client software version) is required by createNode.", nameof(request));
        }

        var props = Props(request.AdditionalProps);
        Set(props, "NAME", request.Name);
        Set(props, "SERIAL_NO", request.SerialNumber);
        props["VERSION"] = request.Version;
        var project = Project(request.ProjectId);
        return InvokeEntityAsync("createNode", w => SocketParams.Create(w, "node", request.NodeId, request.Type, null, props, project), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ITwinIoTEntity> CreateDeviceAsync(CreateDeviceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireEntityId(request.DeviceId, "device", nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Type, nameof(request));
        if (string.IsNullOrWhiteSpace(request.NodeId))
        {
            throw new ArgumentException("props.NODE_ID (the connection the device attaches to) is required by createDevice.", nameof(request));
        }

        var props = Props(request.AdditionalProps);
        Set(props, "NAME", request.Name);
        props["NODE_ID"] = request.NodeId;
        var project = Project(request.ProjectId);
        return InvokeEntityAsync("createDevice", w => SocketParams.Create(w, "device", request.DeviceId, request.Type, null, props, project), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ITwinIoTEntity> CreateSensorAsync(CreateSensorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireEntityId(request.SensorId, "sensor", nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Type, nameof(request));
        var props = Props(request.AdditionalProps);
        Set(props, "NAME", request.Name);
        var project = Project(request.ProjectId);
        return InvokeEntityAsync("createSensor", w => SocketParams.Create(w, "sensor", request.SensorId, request.Type, request.ObservationType ?? request.Type, props, project), cancellationToken);
    }

    private Task<IReadOnlyList<ITwinIoTEntity>> GetEntitiesAsync(string method, string idsName, IReadOnlyList<string>? ids, string? projectId, CancellationToken cancellationToken)
    {
        if (ids is not null)
        {
            RequireIds(ids, idsName);
        }

        var project = Project(projectId);
        return _connection.InvokeAsync<IReadOnlyList<ITwinIoTEntity>>(
            method,
            w => SocketParams.EntityQuery(w, idsName, ids, project),
            static json => Deserialize(json, ITwinIoTJsonContext.Default.ListITwinIoTEntity),
            cancellationToken);
    }

    private async Task<ITwinIoTSubscription<ITwinIoTEntity>> SubscribeEntitiesAsync(string method, string unsubscribeMethod, string idsName, IReadOnlyList<string> ids, string? projectId, CancellationToken cancellationToken)
    {
        RequireIds(ids, idsName);
        if (ids.Count == 0)
        {
            throw new ArgumentException($"At least one id is required to subscribe.", idsName);
        }

        var copy = ids.ToArray();
        var project = Project(projectId);
        var stream = await _connection.OpenStreamAsync(
            method,
            w => SocketParams.EntityQuery(w, idsName, copy, project),
            ParseEntityFrame,
            SubscriptionOptions(unsubscribeMethod),
            cancellationToken).ConfigureAwait(false);
        return new ITwinIoTSubscription<ITwinIoTEntity>(stream);
    }

    private Task<ITwinIoTEntity> UpdateAsync(string method, string idName, string id, JsonObject props, string? projectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(props);
        var copy = (JsonObject)props.DeepClone();
        var project = Project(projectId);
        return InvokeEntityAsync(method, w => SocketParams.Update(w, idName, id, copy, project), cancellationToken);
    }

    private Task<ITwinIoTEntity> InvokeEntityAsync(string method, Action<Utf8JsonWriter> writeParams, CancellationToken cancellationToken) =>
        _connection.InvokeAsync(method, writeParams, static json => Deserialize(json, ITwinIoTJsonContext.Default.ITwinIoTEntity), cancellationToken);

    private JsonRpcStreamOptions SubscriptionOptions(string unsubscribeMethod) => new()
    {
        Capacity = _options.SubscriptionBufferFrames,
        FullMode = _options.SubscriptionFullMode,
        ResumeOnReconnect = true,
        UnsubscribeMethod = unsubscribeMethod,
    };

    private static JsonRpcFrame<ITwinIoTEntity[]> ParseEntityFrame(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonRpcFrame<ITwinIoTEntity[]>.Skip;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isData = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (isData && reader.TokenType == JsonTokenType.StartObject)
            {
                var entity = JsonSerializer.Deserialize(ref reader, ITwinIoTJsonContext.Default.ITwinIoTEntity);
                return entity is null ? JsonRpcFrame<ITwinIoTEntity[]>.Skip : JsonRpcFrame<ITwinIoTEntity[]>.FromItem([entity]);
            }

            reader.Skip();
        }

        return JsonRpcFrame<ITwinIoTEntity[]>.Skip;
    }

    private static JsonObject Props(JsonObject? additional) =>
        additional is null ? [] : (JsonObject)additional.DeepClone();

    private static void Set(JsonObject props, string key, string? value)
    {
        if (value is not null)
        {
            props[key] = value;
        }
    }

    private static void RequireIds(IReadOnlyList<string> ids, string name)
    {
        ArgumentNullException.ThrowIfNull(ids, name);
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("Ids must not be null or empty.", name);
            }
        }
    }

    private static void RequireEntityId(string id, string suffix, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(id) || !id.StartsWith('/') || !id.EndsWith("/" + suffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {suffix} id must look like /<source>/.../{suffix}.", parameterName);
        }
    }
}
