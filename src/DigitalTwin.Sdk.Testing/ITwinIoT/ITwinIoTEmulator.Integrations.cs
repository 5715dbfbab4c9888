using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

namespace DigitalTwin.Sdk.Testing.ITwinIoT;

/// <content>POST /api/integrations/integrate and POST /api/integrations/{nodeId} (ids keep their slashes).</content>
public sealed partial class ITwinIoTEmulator
{
    private const string InvalidIntegration = "InvalidProcessIntegrationRequest";

    private async Task IntegrateAsync(RestCall call)
    {
        // iTwin IoT takes the asset as projectIds (vendor document); the iTwin Platform publication as iTwinId (tutorial
        // "Create, update and remove devices and sensors") and knows no projectIds.
        var key = call.Platform ? "iTwinId" : "projectIds";
        if (call.Platform && call.Context.Request.Query.ContainsKey("projectIds"))
        {
            await call.ErrorAsync(400, "InvalidRequest", "Unknown query parameter projectIds; the iTwin is given as iTwinId.", "projectIds").ConfigureAwait(false);
            return;
        }

        if (!call.Context.Request.Query.TryGetValue(key, out var projects) || string.IsNullOrEmpty(projects.ToString()))
        {
            await call.ErrorAsync(400, call.Platform ? "MissingITwinId" : "MissingProjectIds", "must not be empty", key).ConfigureAwait(false);
            return;
        }

        var project = projects.ToString();
        var integration = (await call.ReadBodyAsync().ConfigureAwait(false))?["integration"] as JsonObject;
        var nodeId = integration?["nodeId"]?.GetValueKind() == JsonValueKind.String ? integration["nodeId"]!.GetValue<string>() : null;
        var isNew = integration?["changeState"]?.GetValueKind() == JsonValueKind.String && integration["changeState"]!.GetValue<string>() == "new";
        if (integration is null || (!isNew && (nodeId is null || !_store.Contains(EntityKind.Node, nodeId))))
        {
            await IntegrationErrorAsync(call, "Cannot process integration ensure the provided nodeId is valid.").ConfigureAwait(false);
            return;
        }

        var devices = integration["devices"] as JsonArray ?? [];
        foreach (var device in devices.OfType<JsonObject>())
        {
            var items = new[] { device }.Concat((device["sensors"] as JsonArray ?? []).OfType<JsonObject>());
            if (items.Any(i => (i["changeState"]?.ToString() ?? "new") == "new" && string.IsNullOrEmpty(i["props"]?["INTEGRATION_ID"]?.ToString())))
            {
                await IntegrationErrorAsync(call, "Minimum request parameters not provided, new Devices and Sensors must have a valid `props.INTEGRATION_ID` set.").ConfigureAwait(false);
                return;
            }
        }

        var random = new Random(Options.Seed + _store.List(EntityKind.Node, project, null, null).Count);
        string Serial() => random.Next(0x100000, 0xFFFFFF).ToString("X6", CultureInfo.InvariantCulture);
        var now = ITwinIoTStore.Iso(DateTimeOffset.UtcNow);
        if (nodeId is null)
        {
            var serial = Serial();
            nodeId = $"/api/{serial}/node";
            _store.Add(EntityKind.Node, new JsonObject
            {
                ["props"] = new JsonObject { ["SERIAL_NO"] = serial, ["CREATION_DATE"] = now, ["INTEGRATION_ID"] = "NODE_API_SDE", ["PROJECT_ID"] = project, ["NAME"] = $"Data Source API Import {serial}", ["NODE_ID"] = nodeId },
                ["id"] = nodeId,
                ["type"] = "DYNAMIC",
            });
        }

        foreach (var device in devices.OfType<JsonObject>().Where(d => (d["changeState"]?.ToString() ?? "new") == "new"))
        {
            var deviceId = $"{nodeId}/dynamic/{Serial()}/device";
            var sensors = (device["sensors"] as JsonArray ?? []).OfType<JsonObject>().Where(s => (s["changeState"]?.ToString() ?? "new") == "new").ToList();
            _store.Add(EntityKind.Device, new JsonObject
            {
                ["props"] = Props(device, nodeId, project, now, sensors.Count),
                ["id"] = deviceId,
                ["type"] = "DYNAMIC",
            });
            foreach (var sensor in sensors)
            {
                _store.Add(EntityKind.Sensor, new JsonObject
                {
                    ["props"] = Props(sensor, nodeId, project, now, null),
                    ["id"] = $"{deviceId}/{Serial()}/sensor",
                    ["observationType"] = "DYNAMIC",
                    ["type"] = "DYNAMIC",
                    ["device"] = deviceId,
                });
            }
        }

        await call.JsonAsync(200, IntegrationView(nodeId)).ConfigureAwait(false);
    }

    private async Task GetIntegrationAsync(RestCall call, string nodeId)
    {
        if (!_store.Contains(EntityKind.Node, nodeId))
        {
            await IntegrationErrorAsync(call, "Cannot process integration ensure the provided nodeId is valid.").ConfigureAwait(false);
            return;
        }

        await call.JsonAsync(200, IntegrationView(nodeId)).ConfigureAwait(false);
    }

    private JsonObject IntegrationView(string nodeId)
    {
        var node = _store.Find(EntityKind.Node, nodeId)!;
        var project = ITwinIoTStore.ProjectOf(node);
        var devices = new JsonArray();
        foreach (var device in _store.List(EntityKind.Device, project, null, [nodeId]))
        {
            var deviceId = device["id"]!.GetValue<string>();
            devices.Add(new JsonObject
            {
                ["device"] = device,
                ["sensors"] = new JsonArray([.. _store.List(EntityKind.Sensor, project, null, [deviceId])]),
            });
        }

        return new JsonObject { ["integration"] = new JsonObject { ["node"] = node, ["devices"] = devices } };
    }

    private static JsonObject Props(JsonObject item, string nodeId, string project, string now, int? size)
    {
        var props = (JsonObject?)item["props"]?.DeepClone() ?? [];
        if (item["refId"] is JsonValue refId)
        {
            props["SERIAL_NO"] ??= refId.ToString();
        }

        if (size is not null)
        {
            props["SIZE"] = size;
        }

        props["CREATION_DATE"] = now;
        props["NODE_ID"] = nodeId;
        props["PROJECT_ID"] = project;
        return props;
    }

    private static Task IntegrationErrorAsync(RestCall call, string message) =>
        call.JsonAsync(422, new JsonObject { ["error"] = new JsonObject { ["code"] = InvalidIntegration, ["message"] = message } });
}
