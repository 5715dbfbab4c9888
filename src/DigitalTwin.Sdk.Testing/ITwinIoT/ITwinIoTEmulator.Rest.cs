using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.ITwinIoT.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.ITwinIoT;

/// <content>
/// REST endpoints under <c>/api</c> (iTwin IoT) and <c>/sensor-data</c> (the iTwin Platform publication, which also
/// requires <c>Accept: application/vnd.bentley.itwin-platform.v1+json</c> and answers errors as
/// <c>{"error": {code, message, target}}</c>), plus the IMS token endpoint <c>POST /connect/token</c>.
/// The /all listings page as Bentley's own client reads them (viewer-components-react infrastructure-iot
/// SearchQueryModel/EntityService): <c>pageNumber</c> from 0 and <c>pageSize</c> (1-1000), answered with a bare array;
/// a page shorter than pageSize is the last. Under <c>/sensor-data</c> only the published operations exist
/// (<c>GET integrations/nodes?iTwinId</c>, <c>POST integrations/integrate?iTwinId</c>, <c>POST</c> and <c>DELETE data/observations</c>,
/// <c>POST data/upload</c>); any other path there is 404.
/// </content>
public sealed partial class ITwinIoTEmulator
{
    private const string PlatformMediaType = "application/vnd.bentley.itwin-platform.v1+json";
    private readonly HashSet<string> _issuedTokens = new(StringComparer.Ordinal);
    private int _tokensIssued;

    /// <summary>Gets how many IMS tokens the emulator issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Gets the IMS token endpoint of the emulator.</summary>
    public Uri ImsTokenUri => new(BaseUri, "connect/token");

    private bool IsIssuedToken(string token)
    {
        lock (_issuedTokens)
        {
            return _issuedTokens.Contains(token);
        }
    }

    private void MapRest(WebApplication app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/connect/token" && HttpMethods.IsPost(context.Request.Method))
        {
            await IssueTokenAsync(context).ConfigureAwait(false);
            return;
        }

        var platform = path.StartsWith("/sensor-data/", StringComparison.Ordinal);
        if (!platform && !path.StartsWith("/api/", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var rest = new RestCall(context, platform, path[(platform ? "/sensor-data/".Length : "/api/".Length)..]);
        if (platform && !context.Request.Headers.Accept.ToString().Contains(PlatformMediaType, StringComparison.OrdinalIgnoreCase))
        {
            await rest.ErrorAsync(406, "InvalidAcceptHeader", $"Accept must be {PlatformMediaType}.", "Accept").ConfigureAwait(false);
            return;
        }

        if (!RestAuthorized(context.Request.Headers.Authorization.ToString()))
        {
            await rest.ErrorAsync(401, "InvalidToken", "Token is missing, expired or not valid.", "Authorization").ConfigureAwait(false);
            return;
        }

        await DispatchRestAsync(rest).ConfigureAwait(false);
    });

    private bool RestAuthorized(string header)
    {
        if (header.StartsWith("ApiKey ", StringComparison.Ordinal))
        {
            return string.Equals(header["ApiKey ".Length..], Options.ApiKey, StringComparison.Ordinal);
        }

        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var token = header["Bearer ".Length..];
            return string.Equals(token, Options.Jwt, StringComparison.Ordinal) || IsIssuedToken(token);
        }

        return false;
    }

    private async Task IssueTokenAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        if (form is null || form["grant_type"] != "client_credentials")
        {
            await WriteJsonAsync(context, 400, new JsonObject { ["error"] = "unsupported_grant_type" }).ConfigureAwait(false);
            return;
        }

        if (form["client_id"] != Options.ImsClientId || form["client_secret"] != Options.ImsClientSecret)
        {
            await WriteJsonAsync(context, 401, new JsonObject { ["error"] = "invalid_client" }).ConfigureAwait(false);
            return;
        }

        var token = "ims-" + Guid.NewGuid().ToString("N");
        lock (_issuedTokens)
        {
            _issuedTokens.Add(token);
        }

        Interlocked.Increment(ref _tokensIssued);
        await WriteJsonAsync(context, 200, new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = 3600, ["scope"] = form["scope"].ToString() }).ConfigureAwait(false);
    }

    private async Task DispatchRestAsync(RestCall call)
    {
        var request = call.Context.Request;
        var get = HttpMethods.IsGet(request.Method);
        var post = HttpMethods.IsPost(request.Method);
        if (call.Platform)
        {
            await DispatchPlatformAsync(call, get, post, HttpMethods.IsDelete(request.Method)).ConfigureAwait(false);
            return;
        }

        switch (call.Path)
        {
            case "nodes/all" when get:
                await ListAllAsync(call, EntityKind.Node).ConfigureAwait(false);
                return;
            case "devices/all" when get:
                await ListAllAsync(call, EntityKind.Device).ConfigureAwait(false);
                return;
            case "sensors/all" when get:
                await ListAllAsync(call, EntityKind.Sensor).ConfigureAwait(false);
                return;
            case "documents" when get:
                await call.JsonAsync(200, new JsonArray(new JsonObject { ["id"] = "doc-1", ["name"] = "Installation report.pdf", ["projectId"] = call.Project(_store) })).ConfigureAwait(false);
                return;
            case "profiles" when get:
                await call.JsonAsync(200, new JsonArray(new JsonObject { ["id"] = "profile-1", ["name"] = "North embankment", ["projectId"] = call.Project(_store) })).ConfigureAwait(false);
                return;
            case "devices/types" when get:
                await call.JsonAsync(200, new JsonObject { ["deviceTypes"] = new JsonArray(new JsonObject { ["id"] = "IMPORT_DEVICE_SDE", ["name"] = "Import Device", ["manufacturer"] = "sensemetrics", ["isDynamic"] = true }) }).ConfigureAwait(false);
                return;
            case "sensors/types" when get:
                await call.JsonAsync(200, new JsonObject { ["sensorTypes"] = new JsonArray(SensorTemplate()) }).ConfigureAwait(false);
                return;
            case "metrics/types" when get:
                await call.JsonAsync(200, new JsonObject { ["standard"] = true, ["metrics"] = new JsonArray([.. MetricCatalog.Metrics.Values.Select(m => (JsonNode)CatalogMetric(m))]) }).ConfigureAwait(false);
                return;
            case "sensors/metrics" when post:
                await SensorMetricsAsync(call).ConfigureAwait(false);
                return;
            case "data/upload" when post:
                await UploadAsync(call).ConfigureAwait(false);
                return;
            case "integrations/integrate" when post:
                await IntegrateAsync(call).ConfigureAwait(false);
                return;
        }

        if (post && call.Path.StartsWith("integrations/", StringComparison.Ordinal))
        {
            await GetIntegrationAsync(call, Uri.UnescapeDataString(call.Path["integrations/".Length..])).ConfigureAwait(false);
            return;
        }

        if (call.Path.StartsWith("projects/", StringComparison.Ordinal))
        {
            await ProjectAsync(call, get, HttpMethods.IsDelete(request.Method)).ConfigureAwait(false);
            return;
        }

        await call.ErrorAsync(404, "NotFound", $"No route {request.Method} {request.Path}.", null).ConfigureAwait(false);
    }

    /// <summary>The published Sensor Data operations of api.bentley.com; nothing else exists there.</summary>
    private async Task DispatchPlatformAsync(RestCall call, bool get, bool post, bool delete)
    {
        switch (call.Path)
        {
            case "integrations/nodes" when get:
                await PlatformNodesAsync(call).ConfigureAwait(false);
                return;
            case "integrations/integrate" when post:
                await IntegrateAsync(call).ConfigureAwait(false);
                return;
            case "data/upload" when post:
                await UploadAsync(call).ConfigureAwait(false);
                return;
            case "data/observations" when post:
                await QueryRawObservationsAsync(call).ConfigureAwait(false);
                return;
            case "data/observations" when delete:
                await RemoveObservationsAsync(call).ConfigureAwait(false);
                return;
        }

        await call.ErrorAsync(404, "ResourceNotFound", "Requested resource is not available.", null).ConfigureAwait(false);
    }

    private async Task PlatformNodesAsync(RestCall call)
    {
        var iTwinId = call.Context.Request.Query["iTwinId"].ToString();
        if (string.IsNullOrEmpty(iTwinId) || !_store.ProjectIds.Contains(iTwinId) || _store.IsProjectDeleted(iTwinId))
        {
            // As the Get Nodes page documents a 404: {"error": {"code": "ResourceNotFound", ..., "target": "projectIds"}}.
            await call.ErrorAsync(404, "ResourceNotFound", "Requested resource is not available.", "projectIds").ConfigureAwait(false);
            return;
        }

        await call.JsonAsync(200, new JsonObject { ["nodes"] = new JsonArray([.. _store.List(EntityKind.Node, iTwinId, null, null)]) }).ConfigureAwait(false);
    }

    /// <summary>POST data/observations: <c>{"sensorId", "startDate"?, "endDate"?}</c> answered with the sensor, its name, metrics and units and (unverified) its raw observations.</summary>
    private async Task QueryRawObservationsAsync(RestCall call)
    {
        var body = await call.ReadBodyAsync().ConfigureAwait(false) as JsonObject;
        var sensorId = body?["sensorId"]?.GetValueKind() == JsonValueKind.String ? body["sensorId"]!.GetValue<string>() : null;
        var sensor = sensorId is null ? null : _store.Find(EntityKind.Sensor, sensorId);
        if (sensor is null)
        {
            await call.ErrorAsync(sensorId is null ? 400 : 404, sensorId is null ? "InvalidRequest" : "SensorNotFound", sensorId is null ? "sensorId is required." : "Requested sensor is not available.", "sensorId").ConfigureAwait(false);
            return;
        }

        var from = ReadDate(body!, "startDate");
        var to = ReadDate(body!, "endDate");
        var metrics = _store.MetricsOf(sensorId!, rawOnly: true);
        var observations = new JsonObject();
        foreach (var metric in metrics)
        {
            foreach (var (timestamp, value) in _store.UploadedValues(sensorId!, metric.Id, from, to))
            {
                var key = ITwinIoTStore.Iso(timestamp);
                var entry = observations[key] as JsonObject ?? [];
                entry[metric.Id] = value;
                observations[key] = entry;
            }
        }

        await call.JsonAsync(200, new JsonObject
        {
            ["sensor"] = sensorId,
            ["sensorName"] = sensor["props"]?["NAME"]?.DeepClone(),
            ["metricsAndUnits"] = new JsonObject { ["standard"] = true, ["metrics"] = new JsonArray([.. metrics.Select(m => (JsonNode)CatalogMetric(m))]) },
            ["observations"] = observations,
        }).ConfigureAwait(false);
    }

    /// <summary>DELETE data/observations: <c>{"sensorId", "startDate"?, "endDate"?, "timestamps"?}</c>, answered 202 <c>{"status": "ACCEPTED"}</c>.</summary>
    private async Task RemoveObservationsAsync(RestCall call)
    {
        var body = await call.ReadBodyAsync().ConfigureAwait(false) as JsonObject;
        var sensorId = body?["sensorId"]?.GetValueKind() == JsonValueKind.String ? body["sensorId"]!.GetValue<string>() : null;
        if (sensorId is null || !_store.Contains(EntityKind.Sensor, sensorId))
        {
            await call.ErrorAsync(400, "InvalidRequest", "sensorId must name an existing sensor.", "sensorId").ConfigureAwait(false);
            return;
        }

        var timestamps = (body!["timestamps"] as JsonArray)?.Select(t => t?.GetValueKind() == JsonValueKind.String && DateTimeOffset.TryParse(t.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : (DateTimeOffset?)null).ToList();
        if (timestamps is not null && timestamps.Any(t => t is null))
        {
            await call.ErrorAsync(400, "InvalidRequest", "timestamps must be ISO dates.", "timestamps").ConfigureAwait(false);
            return;
        }

        _store.RemoveUploads(sensorId, ReadDate(body, "startDate"), ReadDate(body, "endDate"), timestamps?.Select(t => t!.Value).ToList());
        await call.JsonAsync(202, new JsonObject { ["status"] = "ACCEPTED" }).ConfigureAwait(false);
    }

    private static DateTimeOffset? ReadDate(JsonObject body, string name) =>
        body[name]?.GetValueKind() == JsonValueKind.String && DateTimeOffset.TryParse(body[name]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private async Task ListAllAsync(RestCall call, EntityKind kind)
    {
        var query = call.Context.Request.Query;
        var pageSize = 30;
        if (query.TryGetValue("pageSize", out var sizeText) && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 1000))
        {
            await call.ErrorAsync(400, "InvalidPageSize", "pageSize must be between 1 and 1000.", "pageSize").ConfigureAwait(false);
            return;
        }

        var pageNumber = 0;
        if (query.TryGetValue("pageNumber", out var numberText) && (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 0))
        {
            await call.ErrorAsync(400, "InvalidPageNumber", "pageNumber must be 0 or more.", "pageNumber").ConfigureAwait(false);
            return;
        }

        var project = call.Project(_store);
        var all = _store.IsProjectDeleted(project) ? [] : _store.List(kind, project, null, null);
        var page = all.Skip((int)Math.Min((long)pageNumber * pageSize, int.MaxValue)).Take(pageSize).ToList();
        await call.JsonAsync(200, new JsonArray([.. page])).ConfigureAwait(false);
    }

    private async Task ProjectAsync(RestCall call, bool get, bool delete)
    {
        var rest = call.Path["projects/".Length..];
        var usage = rest.EndsWith("/dataUsage", StringComparison.Ordinal);
        var projectId = Uri.UnescapeDataString(usage ? rest[..^"/dataUsage".Length] : rest);
        if (!_store.ProjectIds.Contains(projectId) || _store.IsProjectDeleted(projectId))
        {
            await call.ErrorAsync(404, "ProjectNotFound", $"Project {projectId} not found.", "projectId").ConfigureAwait(false);
            return;
        }

        if (delete && !usage)
        {
            _store.DeleteProject(projectId);
            call.Context.Response.StatusCode = 204;
            return;
        }

        if (!get)
        {
            await call.ErrorAsync(405, "MethodNotAllowed", "Method not allowed.", null).ConfigureAwait(false);
            return;
        }

        var sensors = _store.List(EntityKind.Sensor, projectId, null, null);
        JsonNode body = usage
            ? new JsonObject { ["projectId"] = projectId, ["sensorCount"] = sensors.Count, ["observationCount"] = sensors.Sum(ITwinIoTStore.ObservationCountOf) }
            : new JsonObject { ["id"] = projectId, ["name"] = projectId == _store.DefaultProjectId ? "Default Project" : "Second Project", ["isDefault"] = projectId == _store.DefaultProjectId };
        await call.JsonAsync(200, body).ConfigureAwait(false);
    }

    private async Task SensorMetricsAsync(RestCall call)
    {
        if (!call.Context.Request.Query.ContainsKey("projectIds"))
        {
            await call.ErrorAsync(400, "MissingProjectIds", "must not be empty", "projectIds").ConfigureAwait(false);
            return;
        }

        var body = await call.ReadBodyAsync().ConfigureAwait(false);
        if (body?["ids"] is not JsonArray ids || ids.Count == 0)
        {
            await call.ErrorAsync(400, "InvalidBody", "must not be empty", "ids").ConfigureAwait(false);
            return;
        }

        var raw = call.Context.Request.Query["filters"] == "raw";
        var result = new JsonObject();
        foreach (var id in ids.Select(i => i?.GetValue<string>() ?? string.Empty))
        {
            result[id] = new JsonArray([.. _store.MetricsOf(id, raw).Select(m => (JsonNode)MetricWithUnits(m))]);
        }

        await call.JsonAsync(200, new JsonObject { ["metricsBySensor"] = result }).ConfigureAwait(false);
    }

    private async Task UploadAsync(RestCall call)
    {
        var body = await call.ReadBodyAsync().ConfigureAwait(false);
        if (body?["observations"] is not JsonArray observations || observations.Count == 0)
        {
            await call.JsonAsync(400, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "must not be empty", ["path"] = "observations" }) }).ConfigureAwait(false);
            return;
        }

        var parsed = new List<(string Sensor, DateTimeOffset Time, Dictionary<string, double> Values)>();
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i] as JsonObject;
            var sensor = o?["sensorId"]?.GetValueKind() == JsonValueKind.String ? o["sensorId"]!.GetValue<string>() : null;
            var time = o?["timestamp"]?.GetValueKind() == JsonValueKind.String && DateTimeOffset.TryParse(o["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
            var values = o?["values"] as JsonObject;
            if (sensor is null || time is null || values is null || values.Count == 0 || values.Any(v => v.Value?.GetValueKind() != JsonValueKind.Number))
            {
                await call.JsonAsync(400, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "sensorId, timestamp and values are required", ["path"] = $"observations[{i}]" }) }).ConfigureAwait(false);
                return;
            }

            if (!_store.Contains(EntityKind.Sensor, sensor))
            {
                await call.JsonAsync(400, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "sensor does not exist", ["path"] = $"observations[{i}].sensorId" }) }).ConfigureAwait(false);
                return;
            }

            parsed.Add((sensor, time.Value, values.ToDictionary(v => v.Key, v => v.Value!.GetValue<double>(), StringComparer.Ordinal)));
        }

        foreach (var (sensor, time, values) in parsed)
        {
            _store.Upload(sensor, time, values);
            await PublishObservationCoreAsync(sensor, time, values).ConfigureAwait(false);
        }

        await call.JsonAsync(202, new JsonObject { ["status"] = "ACCEPTED" }).ConfigureAwait(false);
    }

    private static JsonObject SensorTemplate() => new()
    {
        ["id"] = "GENERIC_SENSOR_SDE",
        ["name"] = "GENERIC_SENSOR_SDE",
        ["metricsAndUnits"] = new JsonArray(new JsonObject
        {
            ["metric"] = "GENERIC", ["id"] = "GENERIC", ["displayName"] = "generic", ["defaultUnit"] = "GENERIC",
            ["units"] = new JsonArray(new JsonObject { ["unit"] = "GENERIC", ["id"] = "GENERIC" }),
        }),
        ["isDynamic"] = true,
    };

    private static JsonObject CatalogMetric(MetricDef metric) => new()
    {
        ["metric"] = metric.Id,
        ["id"] = metric.Id,
        ["displayName"] = metric.DisplayName,
        ["defaultUnit"] = metric.DefaultUnit,
        ["units"] = new JsonArray([.. metric.Units.Select(u => (JsonNode)new JsonObject
        {
            ["unit"] = u, ["id"] = u,
            ["displayName"] = MetricCatalog.Units.TryGetValue(u, out var d) ? d.Name : u,
            ["notation"] = MetricCatalog.Units.TryGetValue(u, out var n) ? n.Notation : u,
        })]),
    };

    private static JsonObject MetricWithUnits(MetricDef metric)
    {
        var json = MetricCatalog.MetricJson(metric);
        json.Remove("params");
        json["units"] = new JsonArray([.. metric.Units.Select(u => (JsonNode)new JsonObject
        {
            ["notation"] = MetricCatalog.Units.TryGetValue(u, out var d) ? d.Notation : u,
            ["name"] = MetricCatalog.Units.TryGetValue(u, out var n) ? n.Name : u,
            ["id"] = u,
        })]);
        return json;
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
