using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Serialization;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;

/// <summary>The REST API and Sensor Data Service over the core pipeline (auth, retry, rate limit, telemetry).</summary>
/// <remarks>
/// Thread-safe. Paths are relative to the REST base. With <see cref="ITwinIoTRestApi.ITwinPlatform"/> only the published
/// Sensor Data operations exist (<c>sensor-data/integrations/nodes?iTwinId</c>, <c>integrations/integrate?iTwinId</c>,
/// <c>data/observations</c> query and delete, <c>data/upload</c>), sent with the platform Accept header; every other
/// method throws <see cref="NotSupportedException"/> before sending.
/// </remarks>
public class ITwinIoTRestClient : IITwinIoTRestClient
{
    private const string PlatformMediaType = "application/vnd.bentley.itwin-platform.v1+json";
    private static readonly HashSet<string> ChangeStates = new(StringComparer.Ordinal) { "new", "update", "remove" };
    private readonly ClientRuntime _runtime;
    private readonly ITwinIoTOptions _options;

    internal ITwinIoTRestClient(ClientRuntime runtime, ITwinIoTOptions options)
    {
        _runtime = runtime;
        _options = options;
    }

    /// <summary>Initializes a new instance of the <see cref="ITwinIoTRestClient"/> class for mocking.</summary>
    protected ITwinIoTRestClient()
    {
        _runtime = null!;
        _options = null!;
    }

    /// <inheritdoc />
    public virtual AsyncPageable<ITwinIoTEntity> GetAllNodesAsync(string? projectId = null, CancellationToken cancellationToken = default) =>
        Platform ? PlatformNodes(projectId, cancellationToken) : ListAll("nodes", projectId, cancellationToken);

    /// <inheritdoc />
    public virtual AsyncPageable<ITwinIoTEntity> GetAllDevicesAsync(string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetAllDevicesAsync));
        return ListAll("devices", projectId, cancellationToken);
    }

    /// <inheritdoc />
    public virtual AsyncPageable<ITwinIoTEntity> GetAllSensorsAsync(string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetAllSensorsAsync));
        return ListAll("sensors", projectId, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<JsonElement> GetDocumentsAsync(string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetDocumentsAsync));
        return GetElementAsync(HttpMethod.Get, "documents" + ProjectQuery(projectId, "?"), "GetDocuments", cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<JsonElement> GetProfilesAsync(string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetProfilesAsync));
        return GetElementAsync(HttpMethod.Get, "profiles" + ProjectQuery(projectId, "?"), "GetProfiles", cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<JsonElement> GetProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        RequireITwinIoT(nameof(GetProjectAsync));
        return GetElementAsync(HttpMethod.Get, "projects/" + Uri.EscapeDataString(projectId), "GetProject", cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        RequireITwinIoT(nameof(DeleteProjectAsync));
        using var request = Create(HttpMethod.Delete, "projects/" + Uri.EscapeDataString(projectId), "DeleteProject");
        using var response = await _runtime.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual Task<JsonElement> GetProjectDataUsageAsync(string projectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        RequireITwinIoT(nameof(GetProjectDataUsageAsync));
        return GetElementAsync(HttpMethod.Get, "projects/" + Uri.EscapeDataString(projectId) + "/dataUsage", "GetProjectDataUsage", cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<IntegrationResult> IntegrateAsync(IntegrationRequest integration, string? projectId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integration);
        var project = projectId ?? _options.ProjectId;
        if (string.IsNullOrWhiteSpace(project))
        {
            throw new ArgumentException(Platform ? "integrate needs iTwinId (the iTwin project or asset)." : "integrate needs projectIds (the iTwin IoT asset id).", nameof(projectId));
        }

        ValidateIntegration(integration);
        return IntegrateCoreAsync(integration, project, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<IntegrationResult> GetIntegrationAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        RequireITwinIoT(nameof(GetIntegrationAsync));

        // The id keeps its slashes (the documented URL is /api/integrations//api/13DC2F/node); only its segments are escaped.
        var path = "integrations/" + string.Join('/', nodeId.Split('/').Select(Uri.EscapeDataString));
        return GetIntegrationCoreAsync(path, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<string> UploadObservationsAsync(IReadOnlyList<ObservationUpload> observations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0 || observations.Any(o => o is null || string.IsNullOrWhiteSpace(o.SensorId) || o.Timestamp == default || o.Values is null || o.Values.Count == 0))
        {
            throw new ArgumentException("Each observation needs a sensorId, a timestamp and at least one value.", nameof(observations));
        }

        return UploadCoreAsync(observations.ToArray(), cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<UploadBatchResult> UploadInBatchesAsync(IEnumerable<ObservationUpload> observations, int batchSize = 500, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return UploadInBatchesCoreAsync(observations, batchSize, cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<EntityTemplate>> GetDeviceTypesAsync(bool excludeLegacy = true, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetDeviceTypesAsync));
        var root = await GetElementAsync(HttpMethod.Get, "devices/types?excludeLegacy=" + (excludeLegacy ? "true" : "false"), "GetDeviceTypes", cancellationToken).ConfigureAwait(false);
        return Templates(root, "deviceTypes", "devices/types");
    }

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<EntityTemplate>> GetSensorTypesAsync(bool excludeLegacy = true, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetSensorTypesAsync));
        var root = await GetElementAsync(HttpMethod.Get, "sensors/types?excludeLegacy=" + (excludeLegacy ? "true" : "false"), "GetSensorTypes", cancellationToken).ConfigureAwait(false);
        return Templates(root, "sensorTypes", "sensors/types");
    }

    /// <inheritdoc />
    public virtual async Task<MetricCatalogResponse> GetMetricTypesAsync(bool excludeLegacy = true, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetMetricTypesAsync));
        using var request = Create(HttpMethod.Get, "metrics/types?excludeLegacy=" + (excludeLegacy ? "true" : "false"), "GetMetricTypes");
        var response = await _runtime.SendJsonAsync(request, ITwinIoTJsonContext.Default.MetricCatalogResponse, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <inheritdoc />
    public virtual Task<IReadOnlyDictionary<string, IReadOnlyList<Metric>>> GetSensorMetricsAsync(IReadOnlyList<string> sensorIds, bool rawOnly = true, string? projectId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sensorIds);
        if (sensorIds.Count == 0 || sensorIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one non-empty sensor id is required.", nameof(sensorIds));
        }

        RequireITwinIoT(nameof(GetSensorMetricsAsync));
        var project = projectId ?? _options.ProjectId;
        if (string.IsNullOrWhiteSpace(project))
        {
            throw new ArgumentException("sensors/metrics needs projectIds.", nameof(projectId));
        }

        return SensorMetricsCoreAsync(sensorIds.ToArray(), rawOnly, project, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<RawObservationsResult> QueryRawObservationsAsync(RawObservationsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.SensorId, nameof(query));
        RequirePlatform(nameof(QueryRawObservationsAsync));
        return QueryRawCoreAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<string> RemoveObservationsAsync(RemoveObservationsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SensorId, nameof(request));
        if (request.StartDate > request.EndDate)
        {
            throw new ArgumentException("StartDate is after EndDate.", nameof(request));
        }

        RequirePlatform(nameof(RemoveObservationsAsync));
        return RemoveCoreAsync(request, cancellationToken);
    }

    private bool Platform => _options.RestApi == ITwinIoTRestApi.ITwinPlatform;

    /// <summary>Refuses, before sending, an operation the iTwin Platform Sensor Data API does not publish.</summary>
    private void RequireITwinIoT(string method)
    {
        if (Platform)
        {
            throw new NotSupportedException(
                $"{method} is not part of the iTwin Platform Sensor Data API (api.bentley.com/sensor-data), which publishes only Get Nodes, Process Integration, Query Raw Data, Remove Data and Upload Data "
                + $"({nameof(GetAllNodesAsync)}, {nameof(IntegrateAsync)}, {nameof(QueryRawObservationsAsync)}, {nameof(RemoveObservationsAsync)}, {nameof(UploadObservationsAsync)}). Use RestApi = {nameof(ITwinIoTRestApi.ITwinIoT)} (iiot.bentley.com/api) for it.");
        }
    }

    /// <summary>Refuses, before sending, an operation only the iTwin Platform publication documents.</summary>
    private void RequirePlatform(string method)
    {
        if (!Platform)
        {
            throw new NotSupportedException($"{method} is documented only for the iTwin Platform Sensor Data API: set RestApi = {nameof(ITwinIoTRestApi.ITwinPlatform)} (api.bentley.com).");
        }
    }

    /// <summary>Get Nodes (<c>GET sensor-data/integrations/nodes?iTwinId=</c>): one answer <c>{"nodes": [...]}</c>, no paging documented.</summary>
    private AsyncPageable<ITwinIoTEntity> PlatformNodes(string? iTwinId, CancellationToken cancellationToken)
    {
        var project = iTwinId ?? _options.ProjectId;
        if (string.IsNullOrWhiteSpace(project))
        {
            throw new ArgumentException("Get Nodes needs iTwinId (the iTwin project or asset): pass it or set ProjectId.", nameof(iTwinId));
        }

        return PageableHelpers.Create<ITwinIoTEntity>(
            async (_, _, ct) =>
            {
                using var request = Create(HttpMethod.Get, "integrations/nodes?iTwinId=" + Uri.EscapeDataString(project), "GetNodes");
                var response = await _runtime.SendJsonAsync(request, ITwinIoTJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
                try
                {
                    if (response.Value.ValueKind != JsonValueKind.Object || !response.Value.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
                    {
                        throw new JsonException("Expected {\"nodes\": [...]}.");
                    }

                    return new Page<ITwinIoTEntity>(nodes.Deserialize(ITwinIoTJsonContext.Default.ListITwinIoTEntity) ?? [], null, response.RequestId);
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException)
                {
                    throw Mismatch("GET", request.RequestUri?.AbsolutePath, response.Status, response.RequestId, "a node list", ex);
                }
            },
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// An iTwin IoT <c>/all</c> listing paged as Bentley's own client pages it: <c>pageNumber</c> from 0 and
    /// <c>pageSize</c>, each page a bare array; a page shorter than pageSize is the last. Anything but an array is a
    /// typed error, never an empty result.
    /// </summary>
    private AsyncPageable<ITwinIoTEntity> ListAll(string kind, string? projectId, CancellationToken cancellationToken)
    {
        var project = projectId ?? _options.ProjectId;
        return PageableHelpers.Create<ITwinIoTEntity>(
            async (cursor, hint, ct) =>
            {
                var size = hint ?? _options.PageSize;
                var pageNumber = cursor is null ? 0 : int.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
                var query = new StringBuilder(kind)
                    .Append("/all?pageNumber=").Append(pageNumber.ToString(CultureInfo.InvariantCulture))
                    .Append("&pageSize=").Append(size.ToString(CultureInfo.InvariantCulture));
                if (project is not null)
                {
                    query.Append("&projectIds=").Append(Uri.EscapeDataString(project));
                }

                using var request = Create(HttpMethod.Get, query.ToString(), "GetAll" + kind);
                var response = await _runtime.SendJsonAsync(request, ITwinIoTJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
                List<ITwinIoTEntity> items;
                try
                {
                    if (response.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw new JsonException($"Expected a JSON array (one page), got {response.Value.ValueKind}.");
                    }

                    items = response.Value.Deserialize(ITwinIoTJsonContext.Default.ListITwinIoTEntity) ?? [];
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException)
                {
                    // InvalidOperationException: a name or string that is not valid UTF-8.
                    throw Mismatch("GET", request.RequestUri?.AbsolutePath, response.Status, response.RequestId, "a page", ex);
                }

                var next = items.Count < size ? null : (pageNumber + 1).ToString(CultureInfo.InvariantCulture);
                return new Page<ITwinIoTEntity>(items, next, response.RequestId);
            },
            cancellationToken: cancellationToken);
    }

    private async Task<RawObservationsResult> QueryRawCoreAsync(RawObservationsQuery query, CancellationToken cancellationToken)
    {
        using var request = Create(HttpMethod.Post, "data/observations", "QueryRawObservations");
        request.MarkIdempotent();
        request.Content = JsonBody(w =>
        {
            w.WriteString("sensorId"u8, query.SensorId);
            WriteDate(w, "startDate"u8, query.StartDate);
            WriteDate(w, "endDate"u8, query.EndDate);
        });
        var response = await _runtime.SendJsonAsync(request, ITwinIoTJsonContext.Default.RawObservationsResult, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    private async Task<string> RemoveCoreAsync(RemoveObservationsRequest remove, CancellationToken cancellationToken)
    {
        using var request = Create(HttpMethod.Delete, "data/observations", "RemoveObservations");
        request.Content = JsonBody(w =>
        {
            w.WriteString("sensorId"u8, remove.SensorId);
            WriteDate(w, "startDate"u8, remove.StartDate);
            WriteDate(w, "endDate"u8, remove.EndDate);
            if (remove.Timestamps is { Count: > 0 } timestamps)
            {
                w.WriteStartArray("timestamps"u8);
                foreach (var timestamp in timestamps)
                {
                    w.WriteStringValue(IsoTimestamp.FormatPlatform(timestamp));
                }

                w.WriteEndArray();
            }
        });
        var response = await _runtime.SendJsonAsync(request, ITwinIoTJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        return response.Value.ValueKind == JsonValueKind.Object && response.Value.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
            ? status.GetString()!
            : response.Status.ToString();
    }

    private static ByteArrayContent JsonBody(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenMemory.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static void WriteDate(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.WriteString(name, IsoTimestamp.FormatPlatform(date));
        }
    }

    private static List<EntityTemplate> Templates(JsonElement root, string name, string path)
    {
        try
        {
            return TemplatesCore(root, name);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a property name that is not valid UTF-8.
            throw Mismatch("GET", path, System.Net.HttpStatusCode.OK, null, "templates", ex);
        }
    }

    /// <summary>A body that is valid JSON but not the documented shape: a typed failure, like unreadable JSON.</summary>
    private static DigitalTwinInvalidResponseException Mismatch(string method, string? path, System.Net.HttpStatusCode status, string? requestId, string what, Exception ex) =>
        new(
            new ApiErrorInfo(ITwinIoTClient.VendorName, status) { RequestId = requestId, Method = method, Path = path, ErrorCode = "InvalidResponse" },
            $"{ITwinIoTClient.VendorName} answered {method} {path} with {what} that does not match the documented shape.",
            ex);

    private static List<EntityTemplate> TemplatesCore(JsonElement root, string name)
    {
        // The documented sensor-types example spells the key " sensorTypes" (leading space): accept both.
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name.Trim(), name, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.Array)
            {
                return property.Value.Deserialize(ITwinIoTJsonContext.Default.ListEntityTemplate) ?? [];
            }
        }

        return [];
    }

    private async Task<IntegrationResult> IntegrateCoreAsync(IntegrationRequest integration, string project, CancellationToken cancellationToken)
    {
        // iTwin IoT names the asset projectIds (vendor document); the iTwin Platform publication iTwinId (its tutorial).
        using var request = Create(HttpMethod.Post, "integrations/integrate?" + (Platform ? "iTwinId=" : "projectIds=") + Uri.EscapeDataString(project), "Integrate");
        var body = new IntegrationEnvelope(integration);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, ITwinIoTJsonContext.Default.IntegrationEnvelope));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await _runtime.SendJsonAsync(request, ITwinIoTJsonContext.Default.IntegrationResponse, cancellationToken).ConfigureAwait(false);
        return response.Value.Integration ?? new IntegrationResult();
    }

    private async Task<IntegrationResult> GetIntegrationCoreAsync(string path, CancellationToken cancellationToken)
    {
        using var request = Create(HttpMethod.Post, path, "GetIntegration");
        request.MarkIdempotent();
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await _runtime.SendJsonAsync(request, ITwinIoTJsonContext.Default.IntegrationResponse, cancellationToken).ConfigureAwait(false);
        return response.Value.Integration ?? new IntegrationResult();
    }

    private async Task<string> UploadCoreAsync(ObservationUpload[] observations, CancellationToken cancellationToken)
    {
        using var request = Create(HttpMethod.Post, "data/upload", "UploadObservations");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("observations"u8);
            writer.WriteStartArray();
            foreach (var observation in observations)
            {
                SocketParams.Observation(writer, observation, Platform ? IsoTimestamp.FormatPlatform : IsoTimestamp.Format);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        request.Content = new ByteArrayContent(buffer.WrittenMemory.ToArray());
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await _runtime.SendJsonAsync(request, ITwinIoTJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        return response.Value.ValueKind == JsonValueKind.Object && response.Value.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
            ? status.GetString()!
            : response.Status.ToString();
    }

    private async IAsyncEnumerable<UploadBatchResult> UploadInBatchesCoreAsync(IEnumerable<ObservationUpload> observations, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<ObservationUpload>(batchSize);
        var index = 0;
        long first = 0;
        foreach (var observation in observations)
        {
            batch.Add(observation);
            if (batch.Count == batchSize)
            {
                await UploadObservationsAsync(batch, cancellationToken).ConfigureAwait(false);
                yield return new UploadBatchResult(index++, batch.Count, batch.Count, first);
                first += batch.Count;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await UploadObservationsAsync(batch, cancellationToken).ConfigureAwait(false);
            yield return new UploadBatchResult(index, batch.Count, batch.Count, first);
        }
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<Metric>>> SensorMetricsCoreAsync(string[] sensorIds, bool rawOnly, string project, CancellationToken cancellationToken)
    {
        var path = "sensors/metrics?projectIds=" + Uri.EscapeDataString(project) + (rawOnly ? "&filters=raw" : string.Empty);
        using var request = Create(HttpMethod.Post, path, "GetSensorMetrics");
        request.MarkIdempotent();
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new SensorIdsBody(sensorIds), ITwinIoTJsonContext.Default.SensorIdsBody));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await _runtime.SendJsonAsync(request, ITwinIoTJsonContext.Default.SensorMetricsResponse, cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, IReadOnlyList<Metric>>(StringComparer.Ordinal);
        foreach (var (sensor, metrics) in response.Value.MetricsBySensor ?? [])
        {
            result[sensor] = metrics;
        }

        return result;
    }

    private async Task<JsonElement> GetElementAsync(HttpMethod method, string path, string operation, CancellationToken cancellationToken)
    {
        using var request = Create(method, path, operation);
        var response = await _runtime.SendJsonAsync(request, ITwinIoTJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    private HttpRequestMessage Create(HttpMethod method, string path, string operation)
    {
        var prefix = _options.RestApi == ITwinIoTRestApi.ITwinPlatform ? "sensor-data/" : "api/";
        var request = _runtime.CreateRequest(method, prefix + path, operation);
        if (_options.RestApi == ITwinIoTRestApi.ITwinPlatform)
        {
            request.Headers.Accept.Clear();
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(PlatformMediaType));
        }

        return request;
    }

    private string ProjectQuery(string? projectId, string separator)
    {
        var project = projectId ?? _options.ProjectId;
        return project is null ? string.Empty : separator + "projectIds=" + Uri.EscapeDataString(project);
    }

    private static void ValidateIntegration(IntegrationRequest integration)
    {
        if (integration.ChangeState is not null && !ChangeStates.Contains(integration.ChangeState))
        {
            throw new ArgumentException($"changeState must be new, update or remove (was '{integration.ChangeState}').", nameof(integration));
        }

        if (integration.ChangeState != "new" && string.IsNullOrWhiteSpace(integration.NodeId))
        {
            throw new ArgumentException("Give changeState \"new\" for a new connection, or the nodeId of an existing one.", nameof(integration));
        }

        foreach (var device in integration.Devices)
        {
            ValidateChange(device.ChangeState, device.Props, "device");
            foreach (var sensor in device.Sensors)
            {
                ValidateChange(sensor.ChangeState, sensor.Props, "sensor");
            }
        }
    }

    private static void ValidateChange(string? changeState, System.Text.Json.Nodes.JsonObject props, string what)
    {
        if (changeState is not null && !ChangeStates.Contains(changeState))
        {
            throw new ArgumentException($"A {what}'s changeState must be new, update or remove (was '{changeState}').", "integration");
        }

        if (changeState == "new" && (props?["INTEGRATION_ID"] is not System.Text.Json.Nodes.JsonValue id || string.IsNullOrWhiteSpace(id.ToString())))
        {
            throw new ArgumentException($"A new {what} needs props.INTEGRATION_ID (a template id from the {what} types endpoint).", "integration");
        }
    }
}
