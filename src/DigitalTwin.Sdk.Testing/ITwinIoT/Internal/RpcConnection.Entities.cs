using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <content>Entity requests: get, subscribe, update, create.</content>
internal sealed partial class RpcConnection
{
    private JsonArray GetEntities(EntityKind kind, JsonObject p, string idsName, string? parentsName)
    {
        var project = ProjectOf(p);
        var ids = OptionalStrings(p, idsName);
        var parents = parentsName is null ? null : OptionalStrings(p, parentsName);
        if (_store.IsProjectDeleted(project))
        {
            return [];
        }

        return new JsonArray([.. _store.List(kind, project, ids, parents)]);
    }

    private JsonNode? SubscribeEntities(long id, EntityKind kind, JsonObject p, string idsName)
    {
        var project = ProjectOf(p);
        var ids = OptionalStrings(p, idsName) ?? [];
        foreach (var entityId in ids)
        {
            RequireInProject(kind, entityId, project);
        }

        lock (_gate)
        {
            _entitySubscriptions.Add(new EntitySubscription(id, kind, ids));
        }

        // No acknowledgement frame: updates arrive later as results carrying this request id.
        return null;
    }

    private JsonNode UnsubscribeEntities(EntityKind kind, JsonObject p)
    {
        var id = RequiredId(p);
        lock (_gate)
        {
            if (_entitySubscriptions.RemoveAll(s => s.Id == id && s.Kind == kind) == 0)
            {
                throw new RpcError(ITwinIoTEmulatorErrors.NotFound, $"No {kind.ToString().ToLowerInvariant()} subscription with id {id}.");
            }
        }

        return JsonValue.Create(true);
    }

    private async Task<JsonNode> UpdateEntityAsync(EntityKind kind, JsonObject p, string idName)
    {
        var id = RequiredString(p, idName);
        if (p["props"] is not JsonObject props)
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "props must be an object.");
        }

        RequireInProject(kind, id, ProjectOf(p));
        var updated = _store.UpdateProps(kind, id, props)
            ?? throw new RpcError(ITwinIoTEmulatorErrors.NotFound, $"Unknown {idName} '{id}'.");
        await _emulator.PublishEntityAsync(kind, updated).ConfigureAwait(false);
        return updated;
    }

    internal async Task PushEntityAsync(EntityKind kind, JsonObject entity)
    {
        var id = entity["id"]!.GetValue<string>();
        List<long> targets;
        lock (_gate)
        {
            targets = [.. _entitySubscriptions.Where(s => s.Kind == kind && (s.Ids.Count == 0 || s.Ids.Contains(id))).Select(s => s.Id)];
        }

        foreach (var target in targets)
        {
            await SendResultAsync(target, new JsonObject { ["data"] = entity.DeepClone() }).ConfigureAwait(false);
        }
    }

    private JsonNode CreateNode(JsonObject p)
    {
        var id = RequiredString(p, "node");
        var type = RequiredString(p, "type");
        var props = p["props"] as JsonObject ?? throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "props is required.");
        if (!IsEntityId(id, "node"))
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"Node id '{id}' must look like /<source>/<serial>/node.");
        }

        if (props["VERSION"] is not JsonValue version || version.GetValueKind() != JsonValueKind.String || string.IsNullOrEmpty(version.GetValue<string>()))
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "props.VERSION is required.");
        }

        return AddEntity(EntityKind.Node, id, new JsonObject { ["id"] = id, ["type"] = type, ["props"] = WithDefaults(props, id, ProjectOf(p)) });
    }

    private JsonNode CreateDevice(JsonObject p)
    {
        var id = RequiredString(p, "device");
        var type = RequiredString(p, "type");
        var props = p["props"] as JsonObject ?? throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "props is required.");
        var nodeId = props["NODE_ID"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(nodeId))
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "props.NODE_ID is required.");
        }

        if (!IsEntityId(id, "device") || !id.StartsWith(nodeId + "/", StringComparison.Ordinal))
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"Device id '{id}' must look like {nodeId}/<type>/<serial>/device.");
        }

        var project = ProjectOf(p);
        if (_store.Contains(EntityKind.Node, nodeId))
        {
            // A device joins its connection's project: a connection of another project is not found.
            RequireInProject(EntityKind.Node, nodeId, project);
        }

        return AddEntity(EntityKind.Device, id, new JsonObject { ["id"] = id, ["type"] = type, ["props"] = WithDefaults(props, nodeId, project) });
    }

    private JsonNode CreateSensor(JsonObject p)
    {
        var id = RequiredString(p, "sensor");
        var type = RequiredString(p, "type");
        var props = p["props"] as JsonObject ?? [];
        var deviceEnd = id.IndexOf("/device/", StringComparison.Ordinal);
        var nodeEnd = id.IndexOf("/node/", StringComparison.Ordinal);
        if (!IsEntityId(id, "sensor") || deviceEnd < 0 || nodeEnd < 0)
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"Sensor id '{id}' must look like <device id>/<name>/sensor.");
        }

        var deviceId = id[..(deviceEnd + "/device".Length)];
        var nodeId = id[..(nodeEnd + "/node".Length)];
        var deviceSegments = deviceId.Split('/');
        var created = WithDefaults(props, nodeId, ProjectOf(p));
        created["SERIAL_NO"] ??= deviceSegments[^2];
        return AddEntity(EntityKind.Sensor, id, new JsonObject
        {
            ["type"] = type,
            ["device"] = deviceId,
            ["id"] = id,
            ["observationType"] = p["observationType"]?.DeepClone() ?? type,
            ["props"] = created,
        });
    }

    private JsonNode AddEntity(EntityKind kind, string id, JsonObject entity)
    {
        lock (_store.Gate)
        {
            if (_store.Contains(kind, id))
            {
                throw new RpcError(ITwinIoTEmulatorErrors.AlreadyExists, $"{kind} '{id}' already exists.");
            }

            return _store.Add(kind, entity);
        }
    }

    /// <summary>A new entity belongs to the request's project (<c>params.projectIds</c>, else the Default Project).</summary>
    private static JsonObject WithDefaults(JsonObject props, string nodeId, string projectId)
    {
        var copy = (JsonObject)props.DeepClone();
        copy["NODE_ID"] = nodeId;
        copy["ACCESSIBLE"] = true;
        copy["PROJECT_ID"] = projectId;
        return copy;
    }

    /// <summary>
    /// Entities are owned by projects: a request reaches only those of its project (<c>params.projectIds</c>, else the
    /// Default Project), so a client that leaves projectIds out cannot touch another project's entity.
    /// </summary>
    private void RequireInProject(EntityKind kind, string id, string projectId)
    {
        var entity = _store.Find(kind, id);
        if (entity is null || ITwinIoTStore.ProjectOf(entity) != projectId || _store.IsProjectDeleted(projectId))
        {
            throw new RpcError(ITwinIoTEmulatorErrors.NotFound, $"Unknown {kind.ToString().ToLowerInvariant()} '{id}' in project {projectId}.");
        }
    }

    private static bool IsEntityId(string id, string suffix) =>
        id.StartsWith('/') && id.EndsWith("/" + suffix, StringComparison.Ordinal) && !id.Contains("//", StringComparison.Ordinal) && id.Split('/').Length >= 4;
}
