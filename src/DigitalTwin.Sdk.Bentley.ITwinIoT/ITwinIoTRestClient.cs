using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Core.Pipeline;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>
/// The REST API and Sensor Data Service: the endpoints are declared in <c>Rest/I*Api.cs</c> (Refit, generated clients)
/// over the core pipeline (auth, retry, rate limit, telemetry); this class validates before sending, pages, and turns
/// answers into models or typed errors.
/// </summary>
/// <remarks>
/// Thread-safe. Paths are relative to the REST base. With <see cref="ITwinIoTRestApi.ITwinPlatform"/> only the published
/// Sensor Data operations exist (<c>sensor-data/integrations/nodes?iTwinId</c>, <c>integrations/integrate?iTwinId</c>,
/// <c>data/observations</c> query and delete, <c>data/upload</c>), sent with the platform Accept header; every other
/// method throws <see cref="NotSupportedException"/> before sending.
/// </remarks>
internal sealed class ITwinIoTRestClient : IITwinIoTRestClient
{
    private static readonly HashSet<string> ChangeStates = new(StringComparer.Ordinal) { "new", "update", "remove" };
    private readonly ClientRuntime _runtime;
    private readonly ITwinIoTOptions _options;

    private readonly INodesApi _nodes;
    private readonly IDevicesApi _devices;
    private readonly ISensorsApi _sensors;
    private readonly IMetricsApi _metrics;
    private readonly IProjectsApi _projects;
    private readonly IIntegrationsApi _integrations;
    private readonly IDataApi _data;
    private readonly ISensorDataApi _platform;

    internal ITwinIoTRestClient(ClientRuntime runtime, ITwinIoTOptions options)
    {
        _runtime = runtime;
        _options = options;

        // One HttpClient over the client's pipeline for every declared interface (it does not own the pipeline).
        var http = runtime.CreateRestClient(HttpApi.EnsureTrailingSlash(options.BaseUrl ?? throw new ArgumentException("BaseUrl is not configured.", nameof(options))));
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(ITwinIoTJsonContext.Default.Options));
        _nodes = RestService.ForGenerated<INodesApi>(http, settings);
        _devices = RestService.ForGenerated<IDevicesApi>(http, settings);
        _sensors = RestService.ForGenerated<ISensorsApi>(http, settings);
        _metrics = RestService.ForGenerated<IMetricsApi>(http, settings);
        _projects = RestService.ForGenerated<IProjectsApi>(http, settings);
        _integrations = RestService.ForGenerated<IIntegrationsApi>(http, settings);
        _data = RestService.ForGenerated<IDataApi>(http, settings);
        _platform = RestService.ForGenerated<ISensorDataApi>(http, settings);
    }

    /// <inheritdoc />
    public AsyncPageable<ITwinIoTEntity> GetNodesAsync(string? projectId = null, CancellationToken cancellationToken = default) =>
        Platform ? PlatformNodes(projectId, cancellationToken) : ListAll(EntityKind.Node, projectId, cancellationToken);

    /// <inheritdoc />
    public AsyncPageable<ITwinIoTEntity> GetDevicesAsync(string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetDevicesAsync));
        return ListAll(EntityKind.Device, projectId, cancellationToken);
    }

    /// <inheritdoc />
    public AsyncPageable<ITwinIoTEntity> GetSensorsAsync(string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetSensorsAsync));
        return ListAll(EntityKind.Sensor, projectId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JsonElement> GetDocumentsAsync(string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetDocumentsAsync));
        return ValueAsync(_projects.GetDocumentsAsync(projectId ?? _options.ProjectId, "GetDocuments", cancellationToken), ITwinIoTJsonContext.Default.JsonElement, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JsonElement> GetProfilesAsync(string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetProfilesAsync));
        return ValueAsync(_projects.GetProfilesAsync(projectId ?? _options.ProjectId, "GetProfiles", cancellationToken), ITwinIoTJsonContext.Default.JsonElement, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JsonElement> GetProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        RequireITwinIoT(nameof(GetProjectAsync));
        return ValueAsync(_projects.GetProjectAsync(projectId, "GetProject", cancellationToken), ITwinIoTJsonContext.Default.JsonElement, cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        RequireITwinIoT(nameof(DeleteProjectAsync));
        using var response = await ResponseAsync(_projects.DeleteProjectAsync(projectId, "DeleteProject", cancellationToken)).ConfigureAwait(false);
        await _runtime.EnsureSuccessAsync(response.RequestMessage!, response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<JsonElement> GetProjectDataUsageAsync(string projectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        RequireITwinIoT(nameof(GetProjectDataUsageAsync));
        return ValueAsync(_projects.GetProjectDataUsageAsync(projectId, "GetProjectDataUsage", cancellationToken), ITwinIoTJsonContext.Default.JsonElement, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IntegrationResult> IntegrateAsync(IntegrationRequest integration, string? projectId = null, CancellationToken cancellationToken = default)
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
    public Task<IntegrationResult> GetIntegrationAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        RequireITwinIoT(nameof(GetIntegrationAsync));

        // The id keeps its slashes (the documented URL is /api/integrations//api/13DC2F/node); Refit escapes only its segments.
        return GetIntegrationCoreAsync(nodeId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> UploadObservationsAsync(IReadOnlyList<ObservationUpload> observations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0 || observations.Any(o => o is null || string.IsNullOrWhiteSpace(o.SensorId) || o.Timestamp == default || o.Values is null || o.Values.Count == 0))
        {
            throw new ArgumentException("Each observation needs a sensorId, a timestamp and at least one value.", nameof(observations));
        }

        return UploadCoreAsync(observations.ToArray(), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<UploadBatchResult> UploadInBatchesAsync(IEnumerable<ObservationUpload> observations, int batchSize = 500, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return UploadInBatchesCoreAsync(observations, batchSize, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EntityTemplate>> GetDeviceTypesAsync(bool excludeLegacy = true, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetDeviceTypesAsync));
        var root = await ValueAsync(_devices.GetDeviceTypesAsync(Flag(excludeLegacy), "GetDeviceTypes", cancellationToken), ITwinIoTJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        return Templates(root, "deviceTypes", "devices/types");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EntityTemplate>> GetSensorTypesAsync(bool excludeLegacy = true, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetSensorTypesAsync));
        var root = await ValueAsync(_sensors.GetSensorTypesAsync(Flag(excludeLegacy), "GetSensorTypes", cancellationToken), ITwinIoTJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        return Templates(root, "sensorTypes", "sensors/types");
    }

    /// <inheritdoc />
    public async Task<MetricCatalogResponse> GetMetricTypesAsync(bool excludeLegacy = true, CancellationToken cancellationToken = default)
    {
        RequireITwinIoT(nameof(GetMetricTypesAsync));
        return await ValueAsync(_metrics.GetMetricTypesAsync(Flag(excludeLegacy), "GetMetricTypes", cancellationToken), ITwinIoTJsonContext.Default.MetricCatalogResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Metric>>> GetSensorMetricsAsync(IReadOnlyList<string> sensorIds, bool rawOnly = true, string? projectId = null, CancellationToken cancellationToken = default)
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
    public Task<RawObservationsResult> GetRawObservationsAsync(RawObservationsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.SensorId, nameof(query));
        RequirePlatform(nameof(GetRawObservationsAsync));
        return QueryRawCoreAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> DeleteObservationsAsync(RemoveObservationsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SensorId, nameof(request));
        if (request.StartDate > request.EndDate)
        {
            throw new ArgumentException("StartDate is after EndDate.", nameof(request));
        }

        RequirePlatform(nameof(DeleteObservationsAsync));
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
                + $"({nameof(GetNodesAsync)}, {nameof(IntegrateAsync)}, {nameof(GetRawObservationsAsync)}, {nameof(DeleteObservationsAsync)}, {nameof(UploadObservationsAsync)}). Use RestApi = {nameof(ITwinIoTRestApi.ITwinIoT)} (iiot.bentley.com/api) for it.");
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
                var response = await SendAsync(_platform.GetNodesAsync(project, "GetNodes", ct), ITwinIoTJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
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
                    throw Mismatch("GET", response.Path, response.Status, response.RequestId, "a node list", ex);
                }
            },
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// An iTwin IoT <c>/all</c> listing paged as Bentley's own client pages it: <c>pageNumber</c> from 0 and
    /// <c>pageSize</c>, each page a bare array; a page shorter than pageSize is the last. Anything but an array is a
    /// typed error, never an empty result.
    /// </summary>
    private AsyncPageable<ITwinIoTEntity> ListAll(EntityKind kind, string? projectId, CancellationToken cancellationToken)
    {
        var project = projectId ?? _options.ProjectId;
        return PageableHelpers.Create<ITwinIoTEntity>(
            async (cursor, hint, ct) =>
            {
                var size = hint ?? _options.PageSize;
                var pageNumber = cursor is null ? 0 : int.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
                var call = kind switch
                {
                    EntityKind.Node => _nodes.GetNodesPageAsync(pageNumber, size, project, "GetAllnodes", ct),
                    EntityKind.Device => _devices.GetDevicesPageAsync(pageNumber, size, project, "GetAlldevices", ct),
                    _ => _sensors.GetSensorsPageAsync(pageNumber, size, project, "GetAllsensors", ct),
                };
                var response = await SendAsync(call, ITwinIoTJsonContext.Default.JsonElement, ct).ConfigureAwait(false);
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
                    throw Mismatch("GET", response.Path, response.Status, response.RequestId, "a page", ex);
                }

                var next = items.Count < size ? null : (pageNumber + 1).ToString(CultureInfo.InvariantCulture);
                return new Page<ITwinIoTEntity>(items, next, response.RequestId);
            },
            cancellationToken: cancellationToken);
    }

    private async Task<RawObservationsResult> QueryRawCoreAsync(RawObservationsQuery query, CancellationToken cancellationToken)
    {
        using var content = JsonBody(w =>
        {
            w.WriteString("sensorId"u8, query.SensorId);
            WriteDate(w, "startDate"u8, query.StartDate);
            WriteDate(w, "endDate"u8, query.EndDate);
        });
        return await ValueAsync(_platform.QueryObservationsAsync(content, "QueryRawObservations", idempotent: true, cancellationToken), ITwinIoTJsonContext.Default.RawObservationsResult, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> RemoveCoreAsync(RemoveObservationsRequest remove, CancellationToken cancellationToken)
    {
        using var content = JsonBody(w =>
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
        var response = await SendAsync(_platform.RemoveObservationsAsync(content, "RemoveObservations", cancellationToken), ITwinIoTJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        return StatusOf(response);
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

        return Json(buffer.WrittenMemory.ToArray());
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
        using var content = Json(JsonSerializer.SerializeToUtf8Bytes(new IntegrationEnvelope(integration), ITwinIoTJsonContext.Default.IntegrationEnvelope));
        var call = Platform
            ? _platform.IntegrateAsync(project, content, "Integrate", cancellationToken)
            : _integrations.IntegrateAsync(project, content, "Integrate", cancellationToken);
        var response = await ValueAsync(call, ITwinIoTJsonContext.Default.IntegrationResponse, cancellationToken).ConfigureAwait(false);
        return response.Integration ?? new IntegrationResult();
    }

    private async Task<IntegrationResult> GetIntegrationCoreAsync(string nodeId, CancellationToken cancellationToken)
    {
        using var empty = Json([]);
        var response = await ValueAsync(_integrations.GetIntegrationAsync(nodeId, empty, "GetIntegration", idempotent: true, cancellationToken), ITwinIoTJsonContext.Default.IntegrationResponse, cancellationToken).ConfigureAwait(false);
        return response.Integration ?? new IntegrationResult();
    }

    private async Task<string> UploadCoreAsync(ObservationUpload[] observations, CancellationToken cancellationToken)
    {
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

        using var content = Json(buffer.WrittenMemory.ToArray());
        var call = Platform
            ? _platform.UploadAsync(content, "UploadObservations", cancellationToken)
            : _data.UploadAsync(content, "UploadObservations", cancellationToken);
        return StatusOf(await SendAsync(call, ITwinIoTJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false));
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
        using var ids = Json(JsonSerializer.SerializeToUtf8Bytes(new SensorIdsBody(sensorIds), ITwinIoTJsonContext.Default.SensorIdsBody));
        var response = await ValueAsync(_sensors.GetSensorMetricsAsync(project, rawOnly ? "raw" : null, ids, "GetSensorMetrics", idempotent: true, cancellationToken), ITwinIoTJsonContext.Default.SensorMetricsResponse, cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, IReadOnlyList<Metric>>(StringComparer.Ordinal);
        foreach (var (sensor, metrics) in response.MetricsBySensor ?? [])
        {
            result[sensor] = metrics;
        }

        return result;
    }

    /// <summary>Awaits a declared call: an error status throws the typed exception, a success body becomes the model (or a typed invalid-response error).</summary>
    private async Task<Answer<T>> SendAsync<T>(Task<HttpResponseMessage> call, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await ResponseAsync(call).ConfigureAwait(false);
        var request = response.RequestMessage!;
        await _runtime.EnsureSuccessAsync(request, response, cancellationToken).ConfigureAwait(false);
        var value = await _runtime.ReadJsonAsync(response, type, cancellationToken).ConfigureAwait(false);
        return new Answer<T>(value, response.StatusCode, _runtime.Definition.ErrorParser.ReadRequestId(response), request.RequestUri?.AbsolutePath);
    }

    /// <summary>
    /// Awaits a declared call. Refit wraps what the pipeline throws (<see cref="DigitalTwinException"/>s: connection,
    /// timeout, open circuit) in its <see cref="ApiRequestException"/>; the SDK's own exception is rethrown as it was.
    /// </summary>
    private static async Task<HttpResponseMessage> ResponseAsync(Task<HttpResponseMessage> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (ApiRequestException ex) when (ex.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }

    private async Task<T> ValueAsync<T>(Task<HttpResponseMessage> call, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        (await SendAsync(call, type, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The <c>status</c> the service reported (e.g. <c>ACCEPTED</c>), else the HTTP status.</summary>
    private static string StatusOf(Answer<JsonElement> response) =>
        response.Value.ValueKind == JsonValueKind.Object && response.Value.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
            ? status.GetString()!
            : response.Status.ToString();

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>The literal <c>true</c>/<c>false</c> the service documents (Refit would format a bool as <c>True</c>).</summary>
    private static string Flag(bool value) => value ? "true" : "false";

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

    private enum EntityKind
    {
        Node,
        Device,
        Sensor,
    }

    /// <summary>A parsed answer with what error messages and pages need.</summary>
    private readonly record struct Answer<T>(T Value, System.Net.HttpStatusCode Status, string? RequestId, string? Path);
}
