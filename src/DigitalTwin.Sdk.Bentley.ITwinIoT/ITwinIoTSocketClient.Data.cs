using System.Runtime.CompilerServices;
using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <content>Metrics, units, observation streams, data subscriptions and uploads.</content>
public sealed partial class ITwinIoTSocketClient
{
    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Metric>>> GetRawMetricsAsync(IReadOnlyList<string>? sensorIds = null, IReadOnlyList<string>? sensorTypes = null, string? projectId = null, CancellationToken cancellationToken = default)
    {
        if ((sensorIds is null || sensorIds.Count == 0) && (sensorTypes is null || sensorTypes.Count == 0))
        {
            throw new ArgumentException("Give sensor ids or sensor types.", nameof(sensorIds));
        }

        var project = Project(projectId);
        return _connection.InvokeAsync(
            "getRawMetrics",
            w =>
            {
                w.WriteStartObject();
                if (sensorIds is { Count: > 0 })
                {
                    SocketParams.Strings(w, "sensors", sensorIds);
                }

                if (sensorTypes is { Count: > 0 })
                {
                    SocketParams.Strings(w, "types", sensorTypes);
                }

                SocketParams.ProjectIds(w, project);
                w.WriteEndObject();
            },
            static json => ToReadOnly(Deserialize(json, ITwinIoTJsonContext.Default.DictionaryStringListMetric)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Metric>>> GetMetricsAsync(IReadOnlyList<string> sensorIds, string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireIds(sensorIds, nameof(sensorIds));
        var project = Project(projectId);
        return _connection.InvokeAsync(
            "getMetrics",
            w => SocketParams.Ids(w, "sensors", sensorIds, project),
            static json => ToReadOnly(Deserialize(json, ITwinIoTJsonContext.Default.DictionaryStringListMetric)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<MetricUnit>>> GetUnitsAsync(IReadOnlyList<string> metricIds, string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireIds(metricIds, nameof(metricIds));
        var project = Project(projectId);
        return _connection.InvokeAsync(
            "getUnits",
            w => SocketParams.Ids(w, "metrics", metricIds, project),
            static json => ToReadOnly(Deserialize(json, ITwinIoTJsonContext.Default.DictionaryStringListMetricUnit)),
            cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Observation> GetDataAsync(DataQuery query, CancellationToken cancellationToken = default)
    {
        ValidateQuery(query, requireMetricAndUnit: true);
        return StreamObservationsAsync("getData", query, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Observation> GetObservationsAsync(DataQuery query, CancellationToken cancellationToken = default)
    {
        ValidateQuery(query, requireMetricAndUnit: false);
        return StreamObservationsAsync("getObservations", query, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, ObservationsSummary>> GetObservationsSummaryAsync(IReadOnlyList<string> sensorIds, string? projectId = null, CancellationToken cancellationToken = default)
    {
        RequireIds(sensorIds, nameof(sensorIds));
        if (sensorIds.Count == 0)
        {
            throw new ArgumentException("At least one sensor is required.", nameof(sensorIds));
        }

        var copy = sensorIds.ToArray();
        var project = Project(projectId);
        return _connection.InvokeAsync<IReadOnlyDictionary<string, ObservationsSummary>>(
            "getObservationsSummary",
            w => SocketParams.Ids(w, "sensors", copy, project),
            static json => Deserialize(json, ITwinIoTJsonContext.Default.DictionaryStringObservationsSummary),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ITwinIoTSubscription<SensorObservation>> SubscribeDataAsync(DataSubscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireIds(request.SensorIds, nameof(request));
        if (request.SensorIds.Count == 0)
        {
            throw new ArgumentException("At least one sensor is required.", nameof(request));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(request.MetricId, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.UnitId, nameof(request));
        var copy = request with { SensorIds = [.. request.SensorIds] };
        var project = Project(request.ProjectId);
        var parser = new ObservationFrameParser(copy.SensorIds.Count == 1 ? copy.SensorIds[0] : null, resumable: false);
        var stream = await _connection.OpenStreamAsync(
            "subscribeData",
            w => SocketParams.Subscription(w, copy, project),
            parser.Parse,
            SubscriptionOptions("unsubscribeData"),
            cancellationToken).ConfigureAwait(false);
        return new ITwinIoTSubscription<SensorObservation>(stream);
    }

    /// <inheritdoc />
    public Task<int> UploadDataAsync(IReadOnlyList<ObservationUpload> observations, string? projectId = null, CancellationToken cancellationToken = default)
    {
        ValidateUploads(observations);
        var copy = observations.ToArray();
        var project = Project(projectId);
        return _connection.InvokeAsync("uploadData", w => SocketParams.Upload(w, copy, project), ParseProcessed, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<UploadBatchResult> UploadInBatchesAsync(IEnumerable<ObservationUpload> observations, int batchSize = 500, string? projectId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return UploadInBatchesCoreAsync(observations, batchSize, projectId, cancellationToken);
    }

    private async IAsyncEnumerable<UploadBatchResult> UploadInBatchesCoreAsync(IEnumerable<ObservationUpload> observations, int batchSize, string? projectId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<ObservationUpload>(batchSize);
        var batchIndex = 0;
        long first = 0;
        foreach (var observation in observations)
        {
            batch.Add(observation);
            if (batch.Count == batchSize)
            {
                yield return await SendBatchAsync(batch, batchIndex++, first, projectId, cancellationToken).ConfigureAwait(false);
                first += batch.Count;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return await SendBatchAsync(batch, batchIndex, first, projectId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<UploadBatchResult> SendBatchAsync(List<ObservationUpload> batch, int batchIndex, long first, string? projectId, CancellationToken cancellationToken)
    {
        var accepted = await UploadDataAsync(batch, projectId, cancellationToken).ConfigureAwait(false);
        return new UploadBatchResult(batchIndex, batch.Count, accepted, first);
    }

    private async IAsyncEnumerable<Observation> StreamObservationsAsync(string method, DataQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parser = new ObservationFrameParser(null, resumable: true);
        var project = Project(query.ProjectId);
        var options = new JsonRpcStreamOptions
        {
            Capacity = _options.DataBufferFrames,
            FullMode = JsonRpcStreamFullMode.Wait,
            ResumeOnReconnect = true,
        };

        // Params are written again on every resend: after a reconnect they start at the latest timestamp delivered.
        var stream = await _connection.OpenStreamAsync(method, w => SocketParams.Data(w, query, project, parser.ResumePoint()), parser.ParsePooled, options, cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var batch in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // Each frame's array goes back to the pool once walked (or when the caller stops early).
                try
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        yield return batch[i].Observation;
                    }
                }
                finally
                {
                    batch.Return();
                }
            }
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int ParseProcessed(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCount = reader.ValueTextEquals("successfullyProcessedObs"u8);
                reader.Read();
                if (isCount && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var count))
                {
                    return count;
                }

                reader.Skip();
            }
        }

        throw new JsonException("The uploadData result carries no successfullyProcessedObs.");
    }

    private static void ValidateQuery(DataQuery query, bool requireMetricAndUnit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.SensorId))
        {
            throw new ArgumentException("A sensor id is required.", nameof(query));
        }

        if (requireMetricAndUnit && (string.IsNullOrWhiteSpace(query.MetricId) || string.IsNullOrWhiteSpace(query.UnitId)))
        {
            throw new ArgumentException("A metric id and a unit id are required.", nameof(query));
        }

        if (query.StartDate > query.EndDate)
        {
            throw new ArgumentException("StartDate is after EndDate.", nameof(query));
        }

        if (query.Parameters is not null && query.Parameters.Any(p => string.IsNullOrWhiteSpace(p.Key) || p.Value is null))
        {
            throw new ArgumentException("Metric parameters need an id and a value.", nameof(query));
        }
    }

    private static void ValidateUploads(IReadOnlyList<ObservationUpload> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0)
        {
            throw new ArgumentException("At least one observation is required.", nameof(observations));
        }

        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            if (o is null || string.IsNullOrWhiteSpace(o.SensorId) || o.Timestamp == default || o.Values is null || o.Values.Count == 0)
            {
                throw new ArgumentException($"Observation {i}: sensorId, timestamp and at least one value are mandatory.", nameof(observations));
            }
        }
    }
}
