using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>
/// The iTwin IoT socket API (JSON-RPC 2.0). Every request may throw <see cref="JsonRpcException"/> (the server's
/// error object), <see cref="ConnectionLostException"/> (the socket died with the request in flight),
/// <see cref="JsonRpcTimeoutException"/> (no answer within the request timeout) or <see cref="ArgumentException"/>
/// (invalid arguments, thrown before anything is sent).
/// </summary>
public interface IITwinIoTSocketClient
{
    /// <summary>Raised when the socket connects, drops, reconnects or closes.</summary>
    event EventHandler<JsonRpcConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>Gets the connection state.</summary>
    JsonRpcConnectionState State { get; }

    /// <summary>Gets a task that completes when the client is disposed, or faults when reconnecting gave up.</summary>
    Task Completion { get; }

    /// <summary>Opens and authenticates the socket now (otherwise done on first use).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when authenticated.</returns>
    /// <exception cref="JsonRpcException">Authentication was refused.</exception>
    /// <exception cref="ConnectionLostException">The socket could not be opened.</exception>
    Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the server time (<c>time</c>, also the keepalive request).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The server time.</returns>
    /// <exception cref="JsonRpcException">The server answered with an error.</exception>
    Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the description of every available request (<c>help</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw help document.</returns>
    /// <exception cref="JsonRpcException">The server answered with an error.</exception>
    Task<JsonElement> GetHelpAsync(CancellationToken cancellationToken = default);

    /// <summary>Retrieves connections (<c>getNodes</c>).</summary>
    /// <param name="nodeIds">Only these ids; all of the project when <see langword="null"/> or empty.</param>
    /// <param name="projectId">The project; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The nodes.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    Task<IReadOnlyList<ITwinIoTEntity>> GetNodesAsync(IReadOnlyList<string>? nodeIds = null, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Retrieves devices (<c>getDevices</c>).</summary>
    /// <param name="deviceIds">Only these ids; all when <see langword="null"/> or empty.</param>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The devices.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    Task<IReadOnlyList<ITwinIoTEntity>> GetDevicesAsync(IReadOnlyList<string>? deviceIds = null, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Retrieves sensors (<c>getSensors</c>).</summary>
    /// <param name="sensorIds">Only these ids; all when <see langword="null"/> or empty.</param>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The sensors.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    Task<IReadOnlyList<ITwinIoTEntity>> GetSensorsAsync(IReadOnlyList<string>? sensorIds = null, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to changes of connections (<c>subscribeNodes</c>; disposing sends <c>unsubscribeNodes</c>).</summary>
    /// <param name="nodeIds">The nodes (at least one).</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels sending the request.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="ArgumentException">No id, or an empty id.</exception>
    Task<ITwinIoTSubscription<ITwinIoTEntity>> SubscribeNodesAsync(IReadOnlyList<string> nodeIds, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to changes of devices (<c>subscribeDevices</c>).</summary>
    /// <param name="deviceIds">The devices (at least one).</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels sending the request.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="ArgumentException">No id, or an empty id.</exception>
    Task<ITwinIoTSubscription<ITwinIoTEntity>> SubscribeDevicesAsync(IReadOnlyList<string> deviceIds, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to changes of sensors (<c>subscribeSensors</c>).</summary>
    /// <param name="sensorIds">The sensors (at least one).</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels sending the request.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="ArgumentException">No id, or an empty id.</exception>
    Task<ITwinIoTSubscription<ITwinIoTEntity>> SubscribeSensorsAsync(IReadOnlyList<string> sensorIds, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Overwrites configuration properties of a connection (<c>updateNode</c>).</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="props">The properties to overwrite.</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated node.</returns>
    /// <exception cref="ArgumentException"><paramref name="nodeId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="props"/> is <see langword="null"/>.</exception>
    Task<ITwinIoTEntity> UpdateNodeAsync(string nodeId, JsonObject props, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Overwrites configuration properties of a device (<c>updateDevice</c>).</summary>
    /// <param name="deviceId">The device.</param>
    /// <param name="props">The properties to overwrite.</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated device.</returns>
    /// <exception cref="ArgumentException"><paramref name="deviceId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="props"/> is <see langword="null"/>.</exception>
    Task<ITwinIoTEntity> UpdateDeviceAsync(string deviceId, JsonObject props, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Overwrites configuration properties of a sensor (<c>updateSensor</c>).</summary>
    /// <param name="sensorId">The sensor.</param>
    /// <param name="props">The properties to overwrite.</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated sensor.</returns>
    /// <exception cref="ArgumentException"><paramref name="sensorId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="props"/> is <see langword="null"/>.</exception>
    Task<ITwinIoTEntity> UpdateSensorAsync(string sensorId, JsonObject props, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a connection (<c>createNode</c>); refused before sending without a version.</summary>
    /// <param name="request">The node to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created node.</returns>
    /// <exception cref="ArgumentException">The id is malformed, or the type or <c>VERSION</c> is missing.</exception>
    /// <exception cref="JsonRpcException">The node exists already, or the server refused it.</exception>
    Task<ITwinIoTEntity> CreateNodeAsync(CreateNodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a device (<c>createDevice</c>); refused before sending without a <c>NODE_ID</c>.</summary>
    /// <param name="request">The device to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created device.</returns>
    /// <exception cref="ArgumentException">The id is malformed, or the type or <c>NODE_ID</c> is missing.</exception>
    /// <exception cref="JsonRpcException">The device exists already, or the server refused it.</exception>
    Task<ITwinIoTEntity> CreateDeviceAsync(CreateDeviceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a sensor (<c>createSensor</c>).</summary>
    /// <param name="request">The sensor to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created sensor.</returns>
    /// <exception cref="ArgumentException">The id is malformed, or the type is missing.</exception>
    /// <exception cref="JsonRpcException">The sensor exists already, or the server refused it.</exception>
    Task<ITwinIoTEntity> CreateSensorAsync(CreateSensorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Retrieves raw metrics by sensor id and/or sensor type (<c>getRawMetrics</c>).</summary>
    /// <param name="sensorIds">Sensor ids.</param>
    /// <param name="sensorTypes">Sensor types.</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Metrics keyed by sensor id or type.</returns>
    /// <exception cref="ArgumentException">Neither ids nor types were given.</exception>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Metric>>> GetRawMetricsAsync(IReadOnlyList<string>? sensorIds = null, IReadOnlyList<string>? sensorTypes = null, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Retrieves every available metric of sensors (<c>getMetrics</c>).</summary>
    /// <param name="sensorIds">The sensors.</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Metrics keyed by sensor id.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Metric>>> GetMetricsAsync(IReadOnlyList<string> sensorIds, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Retrieves the units of metrics (<c>getUnits</c>).</summary>
    /// <param name="metricIds">The metrics.</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Units keyed by metric id.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    Task<IReadOnlyDictionary<string, IReadOnlyList<MetricUnit>>> GetUnitsAsync(IReadOnlyList<string> metricIds, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams a sensor's observations in a metric and unit (<c>getData</c>) as the server's result frames arrive, in
    /// bounded memory, until <c>requestStatus: "finished"</c>. Points are delivered in the order the server sends them
    /// (none is dropped for being out of order). A socket drop resumes at the latest timestamp delivered; only that one
    /// point, if the server sends it again, is dropped.
    /// </summary>
    /// <param name="query">The query; sensor, metric and unit are required.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The observations, in the server's order.</returns>
    /// <exception cref="ArgumentException">The query misses a required field (thrown at the call).</exception>
    IAsyncEnumerable<Observation> GetDataAsync(DataQuery query, CancellationToken cancellationToken = default);

    /// <summary>Streams observations in the sensor's raw metrics and units (<c>getObservations</c>); metric and unit are optional.</summary>
    /// <param name="query">The query; the sensor is required.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The observations, in the server's order.</returns>
    /// <exception cref="ArgumentException">The query has no sensor (thrown at the call).</exception>
    IAsyncEnumerable<Observation> GetObservationsAsync(DataQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the first and last observations of sensors (<c>getObservationsSummary</c> with <c>params.sensors</c>, as
    /// Bentley's own client sends it); the service answers a map keyed by sensor id.
    /// </summary>
    /// <param name="sensorIds">The sensors (at least one).</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The summary of each sensor, keyed by sensor id.</returns>
    /// <exception cref="ArgumentException">No sensor, or an empty id.</exception>
    Task<IReadOnlyDictionary<string, ObservationsSummary>> GetObservationsSummaryAsync(IReadOnlyList<string> sensorIds, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Subscribes to new observations (<c>subscribeData</c>; disposing sends <c>unsubscribeData</c>).</summary>
    /// <param name="request">Sensors, metric, unit and parameters.</param>
    /// <param name="cancellationToken">Cancels sending the request.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="ArgumentException">No sensor, or the metric or unit is missing.</exception>
    Task<ITwinIoTSubscription<SensorObservation>> SubscribeDataAsync(DataSubscriptionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Uploads observations (<c>uploadData</c>).</summary>
    /// <param name="observations">The observations; every field is mandatory.</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How many the server inserted (<c>successfullyProcessedObs</c>).</returns>
    /// <exception cref="ArgumentException">An observation misses a field.</exception>
    Task<int> UploadDataAsync(IReadOnlyList<ObservationUpload> observations, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads any number of observations in batches, reporting per batch how many the server accepted.</summary>
    /// <param name="observations">The observations, read lazily.</param>
    /// <param name="batchSize">Observations per <c>uploadData</c> request.</param>
    /// <param name="projectId">The project sent as <c>params.projectIds</c>; the client default, then the Default Project, when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops uploading.</param>
    /// <returns>One result per batch, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive.</exception>
    IAsyncEnumerable<UploadBatchResult> UploadInBatchesAsync(IEnumerable<ObservationUpload> observations, int batchSize = 500, string? projectId = null, CancellationToken cancellationToken = default);
}
