using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>
/// The iTwin IoT REST API and Sensor Data Service. Every call may throw <see cref="DigitalTwinApiException"/> (and its
/// not-found, authentication and rate-limited subclasses) or another <see cref="DigitalTwinException"/>; bad arguments
/// throw <see cref="ArgumentException"/> before anything is sent. With <see cref="ITwinIoTRestApi.ITwinPlatform"/> only
/// <see cref="GetNodesAsync"/>, <see cref="IntegrateAsync"/>, <see cref="GetRawObservationsAsync"/>,
/// <see cref="DeleteObservationsAsync"/> and the uploads exist; the others throw <see cref="NotSupportedException"/>
/// before sending (and the two observation methods do so with <see cref="ITwinIoTRestApi.ITwinIoT"/>).
/// </summary>
public interface IITwinIoTRestClient
{
    /// <summary>
    /// Lists every connection of a project (<c>GET /api/nodes/all?pageNumber&amp;pageSize&amp;projectIds</c>, page by page);
    /// with <see cref="ITwinIoTRestApi.ITwinPlatform"/>, Get Nodes (<c>GET sensor-data/integrations/nodes?iTwinId</c>, one answer).
    /// </summary>
    /// <param name="projectId">The project (the iTwin id on the platform); the configured default, then (iTwin IoT only) the organisation's Default Project.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The nodes, lazily paged.</returns>
    /// <exception cref="DigitalTwinInvalidResponseException">A page is not the documented shape (a JSON array; on the platform <c>{"nodes": [...]}</c>).</exception>
    /// <exception cref="ArgumentException">On the platform, no iTwin id is given or configured.</exception>
    AsyncPageable<ITwinIoTEntity> GetNodesAsync(string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Lists every device of a project (<c>GET /api/devices/all</c>, paged like <see cref="GetNodesAsync"/>); not on the platform.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The devices, lazily paged.</returns>
    AsyncPageable<ITwinIoTEntity> GetDevicesAsync(string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Lists every sensor of a project (<c>GET /api/sensors/all</c>, paged like <see cref="GetNodesAsync"/>); not on the platform.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The sensors, lazily paged.</returns>
    AsyncPageable<ITwinIoTEntity> GetSensorsAsync(string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the documents of a project (<c>GET /api/documents</c>); the shape is not documented, so the raw JSON is returned.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    Task<JsonElement> GetDocumentsAsync(string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the profiles of a project (<c>GET /api/profiles</c>); raw JSON.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    Task<JsonElement> GetProfilesAsync(string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a project (<c>GET /api/projects/{projectId}</c>); raw JSON.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw project.</returns>
    /// <exception cref="ArgumentException"><paramref name="projectId"/> is empty.</exception>
    Task<JsonElement> GetProjectAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a project (<c>DELETE /api/projects/{projectId}</c>).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="projectId"/> is empty.</exception>
    Task DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary>Gets the data usage of a project (<c>GET /api/projects/{projectId}/dataUsage</c>); raw JSON.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw usage.</returns>
    /// <exception cref="ArgumentException"><paramref name="projectId"/> is empty.</exception>
    Task<JsonElement> GetProjectDataUsageAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates, updates or removes a connection, devices and sensors in one call (<c>POST /api/integrations/integrate?projectIds=</c>;
    /// on the platform <c>POST sensor-data/integrations/integrate?iTwinId=</c>).
    /// </summary>
    /// <param name="integration">The integration.</param>
    /// <param name="projectId">The iTwin IoT asset id, or the iTwin id on the platform (required by the service; the configured default when <see langword="null"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The resulting connection, devices and sensors.</returns>
    /// <exception cref="ArgumentException">No project, an unknown changeState, or a new device/sensor without <c>INTEGRATION_ID</c>.</exception>
    Task<IntegrationResult> IntegrateAsync(IntegrationRequest integration, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a connection with its devices and sensors (<c>POST /api/integrations/{nodeId}</c>; the id keeps its slashes).</summary>
    /// <param name="nodeId">The connection id, e.g. <c>/api/13DC2F/node</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The connection, devices and sensors.</returns>
    /// <exception cref="ArgumentException"><paramref name="nodeId"/> is empty.</exception>
    Task<IntegrationResult> GetIntegrationAsync(string nodeId, CancellationToken cancellationToken = default);

    /// <summary>Uploads observations (<c>POST /api/data/upload</c>; the service answers 202 <c>ACCEPTED</c>).</summary>
    /// <param name="observations">The observations; every field is mandatory.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status the service reported, e.g. <c>ACCEPTED</c>.</returns>
    /// <exception cref="ArgumentException">An observation misses a field.</exception>
    Task<string> UploadObservationsAsync(IReadOnlyList<ObservationUpload> observations, CancellationToken cancellationToken = default);

    /// <summary>Uploads any number of observations in batches, reporting per batch what the service accepted (all of a 202 batch; a 4xx stops with the exception).</summary>
    /// <param name="observations">The observations, read lazily.</param>
    /// <param name="batchSize">Observations per request.</param>
    /// <param name="cancellationToken">Stops uploading.</param>
    /// <returns>One result per batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    IAsyncEnumerable<UploadBatchResult> UploadInBatchesAsync(IEnumerable<ObservationUpload> observations, int batchSize = 500, CancellationToken cancellationToken = default);

    /// <summary>Lists device templates (<c>GET /api/devices/types</c>).</summary>
    /// <param name="excludeLegacy">Whether to leave legacy templates out.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The templates.</returns>
    Task<IReadOnlyList<EntityTemplate>> GetDeviceTypesAsync(bool excludeLegacy = true, CancellationToken cancellationToken = default);

    /// <summary>Lists sensor templates (<c>GET /api/sensors/types</c>).</summary>
    /// <param name="excludeLegacy">Whether to leave legacy templates out.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The templates.</returns>
    Task<IReadOnlyList<EntityTemplate>> GetSensorTypesAsync(bool excludeLegacy = true, CancellationToken cancellationToken = default);

    /// <summary>Gets the catalogue of standard metrics and units (<c>GET /api/metrics/types</c>).</summary>
    /// <param name="excludeLegacy">Whether to leave legacy metrics out.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The catalogue.</returns>
    Task<MetricCatalogResponse> GetMetricTypesAsync(bool excludeLegacy = true, CancellationToken cancellationToken = default);

    /// <summary>Gets the metrics and units of sensors (<c>POST /api/sensors/metrics</c>).</summary>
    /// <param name="sensorIds">The sensors.</param>
    /// <param name="rawOnly">Only the raw metrics (<c>filters=raw</c>), i.e. the keys an upload's values need.</param>
    /// <param name="projectId">The project (required by the service; the configured default when <see langword="null"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Metrics keyed by sensor id.</returns>
    /// <exception cref="ArgumentException">No sensor, or no project.</exception>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Metric>>> GetSensorMetricsAsync(IReadOnlyList<string> sensorIds, bool rawOnly = true, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Queries a sensor's raw observations (iTwin Platform "Query Raw Data", <c>POST sensor-data/data/observations</c>).</summary>
    /// <param name="query">The sensor and range.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The sensor, its metrics and units, and the rest of the answer as sent.</returns>
    /// <exception cref="ArgumentException">No sensor id.</exception>
    /// <exception cref="NotSupportedException">The client talks to iTwin IoT (<see cref="ITwinIoTRestApi.ITwinIoT"/>), where the operation is not documented.</exception>
    Task<RawObservationsResult> GetRawObservationsAsync(RawObservationsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Removes a sensor's observations (iTwin Platform "Remove Data", <c>DELETE sensor-data/data/observations</c>; answered 202).</summary>
    /// <param name="request">The sensor and the range or timestamps.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status the service reported, e.g. <c>ACCEPTED</c>.</returns>
    /// <exception cref="ArgumentException">No sensor id, or a start after the end.</exception>
    /// <exception cref="NotSupportedException">The client talks to iTwin IoT (<see cref="ITwinIoTRestApi.ITwinIoT"/>), where the operation is not documented.</exception>
    Task<string> DeleteObservationsAsync(RemoveObservationsRequest request, CancellationToken cancellationToken = default);
}
