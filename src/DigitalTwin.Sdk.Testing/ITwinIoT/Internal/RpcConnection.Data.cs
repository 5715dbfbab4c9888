using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <content>Metrics, units, observation retrieval (streamed), data subscriptions and uploads.</content>
internal sealed partial class RpcConnection
{
    private JsonObject GetRawMetrics(JsonObject p)
    {
        var sensors = OptionalStrings(p, "sensors");
        var types = OptionalStrings(p, "types");
        if ((sensors is null || sensors.Count == 0) && (types is null || types.Count == 0))
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "sensors or types is required.");
        }

        var project = ProjectOf(p);
        var result = new JsonObject();
        foreach (var sensor in sensors ?? [])
        {
            result[sensor] = MetricsArray(KnownSensorMetrics(sensor, project, rawOnly: true));
        }

        foreach (var type in types ?? [])
        {
            if (!MetricCatalog.SensorTypes.TryGetValue(type, out var metrics))
            {
                throw new RpcError(ITwinIoTEmulatorErrors.NotFound, $"Unknown sensor type '{type}'.");
            }

            result[type] = MetricsArray([.. metrics.Raw.Select(m => MetricCatalog.Metrics[m])]);
        }

        return result;
    }

    private JsonObject GetMetrics(JsonObject p)
    {
        var project = ProjectOf(p);
        var result = new JsonObject();
        foreach (var sensor in RequiredStrings(p, "sensors"))
        {
            result[sensor] = MetricsArray(KnownSensorMetrics(sensor, project, rawOnly: false));
        }

        return result;
    }

    private JsonObject GetUnits(JsonObject p)
    {
        _ = ProjectOf(p);
        var result = new JsonObject();
        foreach (var metricId in RequiredStrings(p, "metrics"))
        {
            if (!MetricCatalog.Metrics.TryGetValue(metricId, out var metric))
            {
                throw new RpcError(ITwinIoTEmulatorErrors.NotFound, $"Unknown metric '{metricId}'.");
            }

            result[metricId] = new JsonArray([.. metric.Units.Select(u => (JsonNode)MetricCatalog.UnitJson(MetricCatalog.Units[u]))]);
        }

        return result;
    }

    private List<MetricDef> KnownSensorMetrics(string sensorId, string projectId, bool rawOnly)
    {
        RequireInProject(EntityKind.Sensor, sensorId, projectId);
        return _store.MetricsOf(sensorId, rawOnly);
    }

    private static JsonArray MetricsArray(List<MetricDef> metrics) =>
        new([.. metrics.Select(m => (JsonNode)MetricCatalog.MetricJson(m))]);

    /// <summary>Validates a data query: sensor in the project, metric of the sensor, unit of the metric, params of the metric.</summary>
    private DataQuery ReadQuery(JsonObject p, bool raw, string sensorName = "sensor")
    {
        var project = ProjectOf(p);
        var sensorId = RequiredString(p, sensorName);
        var sensor = _store.Find(EntityKind.Sensor, sensorId);
        if (sensor is null || ITwinIoTStore.ProjectOf(sensor) != project || _store.IsProjectDeleted(project))
        {
            throw new RpcError(ITwinIoTEmulatorErrors.NotFound, $"Unknown sensor '{sensorId}' in project {project}.");
        }

        var metrics = _store.MetricsOf(sensorId, rawOnly: raw);
        var metricId = raw ? OptionalString(p, "metric") ?? metrics.FirstOrDefault()?.Id : RequiredString(p, "metric");
        var metric = metrics.Find(m => m.Id == metricId)
            ?? throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"Metric '{metricId}' is not available for sensor '{sensorId}'.");
        var unitId = raw ? OptionalString(p, "unit") ?? metric.DefaultUnit : RequiredString(p, "unit");
        if (!metric.Units.Contains(unitId))
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"Unit '{unitId}' is not available for metric '{metric.Id}'.");
        }

        if (p["params"] is JsonObject metricParams)
        {
            foreach (var (key, value) in metricParams)
            {
                if (!metric.Params.Contains(key) || value is not JsonObject parameter || parameter["value"] is null)
                {
                    throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"Metric parameter '{key}' is unknown for '{metric.Id}' or has no value.");
                }
            }
        }
        else if (p["params"] is not null)
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "params must be an object.");
        }

        string? limit = null;
        if (p["limit"] is JsonObject limitObject)
        {
            limit = limitObject["function"]?.GetValueKind() == JsonValueKind.String ? limitObject["function"]!.GetValue<string>() : null;
            var size = limitObject["params"]?["size"];
            if (limit is not ("first" or "last") || (size is not null && (size.GetValueKind() != JsonValueKind.Number || size.GetValue<double>() != 1)))
            {
                throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "limit supports only {function: \"first\"|\"last\", params: {size: 1}}.");
            }
        }

        var unit = MetricCatalog.Units.GetValueOrDefault(unitId) ?? new UnitDef(unitId, unitId, unitId, 1, 0);
        return new DataQuery(sensorId, metric, unit, OptionalDate(p, "startDate"), OptionalDate(p, "endDate"), limit);
    }

    /// <summary>Every matching point in time order: the generated timeline merged with uploads (an upload wins on the same timestamp).</summary>
    private IEnumerable<(DateTimeOffset Timestamp, double Value)> Points(DataQuery query)
    {
        var timeline = _store.TimelineOf(query.SensorId);
        var uploads = _store.UploadedValues(query.SensorId, query.Metric.Id, query.From, query.To);
        long index = timeline?.FirstIndexFrom(query.From) ?? 0;
        var end = timeline?.EndIndexTo(query.To) ?? 0;
        var u = 0;
        while (index < end || u < uploads.Count)
        {
            var generated = index < end ? timeline!.TimestampAt(index) : DateTimeOffset.MaxValue;
            var uploaded = u < uploads.Count ? uploads[u].Key : DateTimeOffset.MaxValue;
            if (uploaded <= generated)
            {
                yield return (uploaded, Convert(uploads[u].Value, query.Unit));
                u++;
                if (uploaded == generated)
                {
                    index++;
                }
            }
            else
            {
                yield return (generated, Convert(timeline!.ValueAt(index, query.Metric), query.Unit));
                index++;
            }
        }
    }

    private static double Convert(double value, UnitDef unit) => Math.Round((value * unit.Factor) + unit.Offset, 9);

    private async Task<JsonNode?> StreamDataAsync(long id, JsonObject p, bool raw)
    {
        var query = ReadQuery(p, raw);
        IEnumerable<(DateTimeOffset, double)> points = Points(query);
        if (query.Limit == "first")
        {
            points = points.Take(1);
        }
        else if (query.Limit == "last")
        {
            points = points.TakeLast(1);
        }

        var frame = new List<(DateTimeOffset, double)>(_options.PointsPerFrame);
        foreach (var point in points)
        {
            frame.Add(point);
            if (frame.Count == _options.PointsPerFrame)
            {
                await SendDataFrameAsync(id, null, frame).ConfigureAwait(false);
                frame.Clear();
            }
        }

        if (frame.Count > 0)
        {
            await SendDataFrameAsync(id, null, frame).ConfigureAwait(false);
        }

        await SendResultAsync(id, new JsonObject { ["requestStatus"] = "finished" }).ConfigureAwait(false);
        return null;
    }

    private async Task SendDataFrameAsync(long id, string? sensorId, List<(DateTimeOffset Timestamp, double Value)> points)
    {
        await SendAsync(w =>
        {
            Span<byte> stamp = stackalloc byte[24];
            w.WriteStartObject();
            w.WriteString("jsonrpc"u8, "2.0"u8);
            w.WriteNumber("id"u8, id);
            w.WriteStartObject("result"u8);
            if (sensorId is not null)
            {
                w.WriteString("sensor"u8, sensorId);
            }

            w.WriteStartObject("data"u8);
            for (var i = 0; i < points.Count; i++)
            {
                // The document does not say the points of a frame are in time order: optionally sent newest first.
                var (timestamp, value) = _options.SendFramesOutOfOrder ? points[points.Count - 1 - i] : points[i];
                IsoFormat.Write(timestamp, stamp);
                w.WritePropertyName(stamp);
                w.WriteNumberValue(value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }).ConfigureAwait(false);
        _emulator.OnPointsSent(points.Count);
    }

    /// <summary>
    /// <c>getObservationsSummary</c> as Bentley's own client calls it: <c>params.sensors</c> (required), answered with a map
    /// keyed by sensor id of <c>{"first": {"observations": {ts: values}}, "last": {...}}</c> in the sensor's raw metrics
    /// (the values array of a LAST_OBSERVATION; an empty object when the sensor has no observation).
    /// </summary>
    private JsonObject GetObservationsSummary(JsonObject p)
    {
        var project = ProjectOf(p);
        var sensors = OptionalStrings(p, "sensors");
        if (sensors is null || sensors.Count == 0)
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "sensors is required (an array of sensor ids).");
        }

        var result = new JsonObject();
        foreach (var sensorId in sensors)
        {
            var raw = KnownSensorMetrics(sensorId, project, rawOnly: true);
            var queries = raw.Select(m => new DataQuery(sensorId, m, MetricCatalog.Units.GetValueOrDefault(m.DefaultUnit) ?? new UnitDef(m.DefaultUnit, m.DefaultUnit, m.DefaultUnit, 1, 0), null, null, null)).ToList();
            DateTimeOffset? first = null, last = null;
            foreach (var query in queries)
            {
                foreach (var (timestamp, _) in Points(query))
                {
                    first = first is null || timestamp < first ? timestamp : first;
                    last = last is null || timestamp > last ? timestamp : last;
                }
            }

            var entry = new JsonObject();
            if (first is { } f && last is { } l)
            {
                entry["first"] = new JsonObject { ["observations"] = new JsonObject { [ITwinIoTStore.Iso(f)] = ValuesAt(queries, f) } };
                entry["last"] = new JsonObject { ["observations"] = new JsonObject { [ITwinIoTStore.Iso(l)] = ValuesAt(queries, l) } };
            }

            result[sensorId] = entry;
        }

        return result;
    }

    private JsonArray ValuesAt(List<DataQuery> queries, DateTimeOffset timestamp) =>
        new([.. queries.Select(q => Points(q with { From = timestamp, To = timestamp }).Select(x => (JsonNode?)x.Value).FirstOrDefault())]);

    private JsonNode? SubscribeData(long id, JsonObject p)
    {
        var sensors = RequiredStrings(p, "sensors");
        DataQuery? query = null;
        foreach (var sensor in sensors)
        {
            var single = (JsonObject)p.DeepClone();
            single["sensor"] = sensor;
            query = ReadQuery(single, raw: false);
        }

        lock (_gate)
        {
            _dataSubscriptions.Add(new DataSubscription(id, sensors, query!.Metric, query.Unit));
        }

        // No acknowledgement frame: new observations arrive later as results carrying this request id.
        return null;
    }

    private JsonNode UnsubscribeData(JsonObject p)
    {
        var id = RequiredId(p);
        lock (_gate)
        {
            if (_dataSubscriptions.RemoveAll(s => s.Id == id) == 0)
            {
                throw new RpcError(ITwinIoTEmulatorErrors.NotFound, $"No data subscription with id {id}.");
            }
        }

        return JsonValue.Create(true);
    }

    private async Task<JsonNode> UploadDataAsync(JsonObject p)
    {
        var project = ProjectOf(p);
        if (p["data"] is not JsonArray data)
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "data must be an array.");
        }

        var processed = 0;
        foreach (var item in data)
        {
            if (item is not JsonObject observation
                || observation["sensorId"]?.GetValueKind() != JsonValueKind.String
                || observation["timestamp"]?.GetValueKind() != JsonValueKind.String
                || observation["values"] is not JsonObject values
                || values.Count == 0
                || ParseDate(observation["timestamp"]!.GetValue<string>()) is not { } timestamp)
            {
                continue;
            }

            var parsed = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
                {
                    parsed[key] = number.GetValue<double>();
                }
            }

            var sensorId = observation["sensorId"]!.GetValue<string>();
            var sensor = _store.Find(EntityKind.Sensor, sensorId);
            if (parsed.Count != values.Count || sensor is null || ITwinIoTStore.ProjectOf(sensor) != project || !_emulator.Accepts(sensorId, parsed))
            {
                continue;
            }

            if (_store.Upload(sensorId, timestamp, parsed))
            {
                processed++;
                await _emulator.PublishObservationCoreAsync(sensorId, timestamp, parsed).ConfigureAwait(false);
            }
        }

        return new JsonObject { ["successfullyProcessedObs"] = processed };
    }

    internal async Task PushObservationAsync(string sensorId, DateTimeOffset timestamp, IReadOnlyDictionary<string, double> values)
    {
        List<DataSubscription> targets;
        lock (_gate)
        {
            targets = [.. _dataSubscriptions.Where(s => s.Sensors.Contains(sensorId) && values.ContainsKey(s.Metric.Id))];
        }

        foreach (var target in targets)
        {
            await SendDataFrameAsync(target.Id, sensorId, [(timestamp, Convert(values[target.Metric.Id], target.Unit))]).ConfigureAwait(false);
        }
    }

    private sealed record DataQuery(string SensorId, MetricDef Metric, UnitDef Unit, DateTimeOffset? From, DateTimeOffset? To, string? Limit);
}
