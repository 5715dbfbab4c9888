using System.Globalization;
using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <summary>The emulator's state: entities, series, uploaded observations, subscriptions. Thread-safe (one lock).</summary>
internal sealed class ITwinIoTStore
{
    public const string SecondProjectId = "60D90DF0B2BD096E970C2824";
    public static readonly DateTimeOffset SeriesStart = new(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly ITwinIoTEmulatorOptions _options;
    private readonly OrderedDictionary<string, JsonObject> _nodes = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, JsonObject> _devices = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, JsonObject> _sensors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SensorTimeline> _timelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<DateTimeOffset, Dictionary<string, double>>> _uploads = new(StringComparer.Ordinal);
    private long _observationsStored;
    private long _distinctObservationsStored;
    private readonly HashSet<string> _deletedProjects = new(StringComparer.Ordinal);

    public ITwinIoTStore(ITwinIoTEmulatorOptions options)
    {
        _options = options;
        Seed();
    }

    public object Gate => _gate;

    public string DefaultProjectId => _options.DefaultProjectId;

    public IEnumerable<string> ProjectIds => [_options.DefaultProjectId, SecondProjectId];

    public bool IsProjectDeleted(string projectId)
    {
        lock (_gate)
        {
            return _deletedProjects.Contains(projectId);
        }
    }

    public bool DeleteProject(string projectId)
    {
        lock (_gate)
        {
            return ProjectIds.Contains(projectId) && _deletedProjects.Add(projectId);
        }
    }

    public OrderedDictionary<string, JsonObject> Collection(EntityKind kind) => kind switch
    {
        EntityKind.Node => _nodes,
        EntityKind.Device => _devices,
        _ => _sensors,
    };

    public JsonObject? Find(EntityKind kind, string id)
    {
        lock (_gate)
        {
            return Collection(kind).TryGetValue(id, out var entity) ? (JsonObject)entity.DeepClone() : null;
        }
    }

    public List<JsonObject> List(EntityKind kind, string projectId, ICollection<string>? ids, ICollection<string>? parents)
    {
        lock (_gate)
        {
            var result = new List<JsonObject>();
            foreach (var (id, entity) in Collection(kind))
            {
                if (!string.Equals(ProjectOf(entity), projectId, StringComparison.Ordinal)
                    || (ids is { Count: > 0 } && !ids.Contains(id))
                    || (parents is { Count: > 0 } && !parents.Contains(ParentOf(kind, entity))))
                {
                    continue;
                }

                result.Add((JsonObject)entity.DeepClone());
            }

            return result;
        }
    }

    public JsonObject Add(EntityKind kind, JsonObject entity)
    {
        lock (_gate)
        {
            Collection(kind).Add(entity["id"]!.GetValue<string>(), entity);
            return (JsonObject)entity.DeepClone();
        }
    }

    public bool Contains(EntityKind kind, string id)
    {
        lock (_gate)
        {
            return Collection(kind).ContainsKey(id);
        }
    }

    /// <summary>Overwrites the given props of an entity; returns the updated copy or <see langword="null"/> when unknown.</summary>
    public JsonObject? UpdateProps(EntityKind kind, string id, JsonObject props)
    {
        lock (_gate)
        {
            if (!Collection(kind).TryGetValue(id, out var entity))
            {
                return null;
            }

            var current = entity["props"] as JsonObject ?? [];
            entity["props"] = current;
            foreach (var (key, value) in props)
            {
                current[key] = value?.DeepClone();
            }

            current["LAST_MODIFIED_DATE"] = Iso(DateTimeOffset.UtcNow);
            return (JsonObject)entity.DeepClone();
        }
    }

    public static string ProjectOf(JsonObject entity) =>
        (entity["props"] as JsonObject)?["PROJECT_ID"]?.GetValue<string>() ?? string.Empty;

    public static string ParentOf(EntityKind kind, JsonObject entity) => kind switch
    {
        EntityKind.Device => (entity["props"] as JsonObject)?["NODE_ID"]?.GetValue<string>() ?? string.Empty,
        EntityKind.Sensor => entity["device"]?.GetValue<string>() ?? string.Empty,
        _ => string.Empty,
    };

    public string? SensorType(string sensorId)
    {
        lock (_gate)
        {
            return _sensors.TryGetValue(sensorId, out var sensor) ? sensor["type"]?.GetValue<string>() : null;
        }
    }

    /// <summary>Metrics of a sensor: its type's catalogue, else the generic metrics from its props or uploads.</summary>
    public List<MetricDef> MetricsOf(string sensorId, bool rawOnly)
    {
        lock (_gate)
        {
            if (!_sensors.TryGetValue(sensorId, out var sensor))
            {
                return [];
            }

            var props = sensor["props"] as JsonObject;
            var type = sensor["type"]?.GetValue<string>() ?? string.Empty;
            var isGeneric = props?["UNKNOWN_METRICS"] is not null || props?["KNOWN_METRICS"] is not null;
            if (!isGeneric && MetricCatalog.SensorTypes.TryGetValue(type, out var known))
            {
                return [.. (rawOnly ? known.Raw : known.All).Select(m => MetricCatalog.Metrics[m])];
            }

            var result = new List<MetricDef>();
            var names = (props?["UNKNOWN_METRICS"] ?? props?["KNOWN_METRICS"]) as JsonObject;
            var units = (props?["UNKNOWN_UNITS"] ?? props?["KNOWN_UNITS"]) as JsonObject;
            if (names is not null)
            {
                foreach (var (key, value) in names)
                {
                    var metricId = value?.GetValue<string>() ?? key;
                    if (MetricCatalog.Metrics.TryGetValue(metricId, out var catalogued))
                    {
                        result.Add(catalogued);
                        continue;
                    }

                    result.Add(MetricCatalog.Custom(metricId, units?[key]?.GetValue<string>() ?? "GENERIC"));
                }

                return result;
            }

            if (_uploads.TryGetValue(sensorId, out var uploaded))
            {
                foreach (var values in uploaded.Values)
                {
                    foreach (var key in values.Keys)
                    {
                        if (!result.Exists(m => m.Id == key))
                        {
                            result.Add(MetricCatalog.Custom(key, "GENERIC"));
                        }
                    }
                }
            }

            return result;
        }
    }

    public SensorTimeline? TimelineOf(string sensorId)
    {
        lock (_gate)
        {
            return _timelines.GetValueOrDefault(sensorId);
        }
    }

    public void SetTimeline(string sensorId, SensorTimeline timeline)
    {
        lock (_gate)
        {
            _timelines[sensorId] = timeline;
            if (_sensors.TryGetValue(sensorId, out var sensor) && sensor["props"] is JsonObject props)
            {
                // The sensor's props report the series it now has, as the service's OBSERVATION_COUNT does.
                props["OBSERVATION_COUNT"] = timeline.Count + (_uploads.TryGetValue(sensorId, out var uploaded) ? uploaded.Count : 0);
            }
        }
    }

    /// <summary>The <c>OBSERVATION_COUNT</c> of an entity's props (0 when absent).</summary>
    public static long ObservationCountOf(JsonObject entity) =>
        (entity["props"] as JsonObject)?["OBSERVATION_COUNT"] is JsonValue value
            ? value.TryGetValue<long>(out var n) ? n : value.TryGetValue<int>(out var m) ? m : 0
            : 0;

    /// <summary>How many observations <see cref="Upload"/> stored (a repeated sensor and timestamp counted again), and how many distinct pairs.</summary>
    public (long Received, long Distinct) ReceivedCounts()
    {
        lock (_gate)
        {
            return (_observationsStored, _distinctObservationsStored);
        }
    }

    /// <summary>Stores one uploaded observation; returns <see langword="false"/> when the sensor is unknown.</summary>
    public bool Upload(string sensorId, DateTimeOffset timestamp, Dictionary<string, double> values)
    {
        lock (_gate)
        {
            if (!_sensors.TryGetValue(sensorId, out var sensor))
            {
                return false;
            }

            if (!_uploads.TryGetValue(sensorId, out var series))
            {
                series = [];
                _uploads[sensorId] = series;
            }

            if (series.TryAdd(timestamp, values))
            {
                _distinctObservationsStored++;
            }
            else
            {
                series[timestamp] = values;
            }

            _observationsStored++;
            var props = sensor["props"] as JsonObject ?? [];
            props["OBSERVATION_COUNT"] = ObservationCountOf(sensor) + 1;
            return true;
        }
    }

    /// <summary>Uploaded observations of one metric in [from, to], ascending (a snapshot).</summary>
    public List<KeyValuePair<DateTimeOffset, double>> UploadedValues(string sensorId, string metricId, DateTimeOffset? from, DateTimeOffset? to)
    {
        lock (_gate)
        {
            var result = new List<KeyValuePair<DateTimeOffset, double>>();
            if (_uploads.TryGetValue(sensorId, out var series))
            {
                foreach (var (timestamp, values) in series)
                {
                    if ((from is null || timestamp >= from) && (to is null || timestamp <= to) && values.TryGetValue(metricId, out var value))
                    {
                        result.Add(new(timestamp, value));
                    }
                }
            }

            return result;
        }
    }

    /// <summary>Removes uploaded observations of a sensor: the given timestamps, else those in [from, to] (all when both are null).</summary>
    public int RemoveUploads(string sensorId, DateTimeOffset? from, DateTimeOffset? to, IReadOnlyList<DateTimeOffset>? timestamps)
    {
        lock (_gate)
        {
            if (!_uploads.TryGetValue(sensorId, out var series))
            {
                return 0;
            }

            var doomed = timestamps is { Count: > 0 }
                ? [.. timestamps.Where(series.ContainsKey)]
                : series.Keys.Where(t => (from is null || t >= from) && (to is null || t <= to)).ToList();
            foreach (var timestamp in doomed)
            {
                series.Remove(timestamp);
            }

            return doomed.Count;
        }
    }

    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void Seed()
    {
        var random = new Random(_options.Seed);
        var defaultProject = _options.DefaultProjectId;

        AddNode("/fn/6C4F6D/node", "THREAD", defaultProject, "North Sector THREAD #1", "6C4F6D", random);
        AddDevice("/fn/6C4F6D/node/dgsimlogger/032432/device", "DGSI_M_LOGGER", "/fn/6C4F6D/node", defaultProject, "North Sector Logger 2");
        for (var i = 1; i <= 4; i++)
        {
            AddSensor($"/fn/6C4F6D/node/dgsimlogger/032432/device/tilt{i}/sensor", "TILT_BIAXIAL_DGSI", "/fn/6C4F6D/node/dgsimlogger/032432/device", "/fn/6C4F6D/node", defaultProject, $"North Sector Tilt 2-{i}", random);
        }

        AddNode("/fn/6B652F/node", "THREAD", defaultProject, "Gateway THREAD", "6B652F", random);
        AddDevice("/fn/6B652F/node/dynamic/4F21A0/device", "DYNAMIC", "/fn/6B652F/node", defaultProject, "Piezometer Logger");
        AddSensor("/fn/6B652F/node/dynamic/4F21A0/device/rugged_troll_insitu_sde/sensor", "DYNAMIC", "/fn/6B652F/node/dynamic/4F21A0/device", "/fn/6B652F/node", defaultProject, "My Cool Rugged troll", random);

        AddNode("/fn/6C954F/node", "DYNAMIC", SecondProjectId, "Thread 6C954F", "6C954F", random);
        AddDevice("/fn/6C954F/node/dynamic/A1B2C3/device", "DYNAMIC", "/fn/6C954F/node", SecondProjectId, "South Logger");
        AddSensor("/fn/6C954F/node/dynamic/A1B2C3/device/rugged_troll_insitu_sde/sensor", "DYNAMIC", "/fn/6C954F/node/dynamic/A1B2C3/device", "/fn/6C954F/node", SecondProjectId, "South Rugged troll", random);
    }

    private void AddNode(string id, string type, string projectId, string name, string serial, Random random)
    {
        _nodes.Add(id, new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["props"] = new JsonObject
            {
                ["ACCESSIBLE"] = true,
                ["DEVICE_GROUP"] = id,
                ["NODE_ID"] = id,
                ["LAST_COMM"] = Iso(SeriesStart.AddDays(random.Next(30, 60))),
                ["LOCATION"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(-53.900861, 30.602073) },
                ["NAME"] = name,
                ["SERIAL_NO"] = serial,
                ["VERSION"] = "v8_1",
                ["POWER_MODE"] = "HIGH_POWER",
                ["PROJECT_ID"] = projectId,
            },
            ["customProps"] = new JsonObject(),
        });
    }

    private void AddDevice(string id, string type, string nodeId, string projectId, string name)
    {
        _devices.Add(id, new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["props"] = new JsonObject
            {
                ["ACCESSIBLE"] = true,
                ["NAME"] = name,
                ["NODE_ID"] = nodeId,
                ["SENSOR_GROUP"] = id,
                ["PROJECT_ID"] = projectId,
            },
        });
    }

    private void AddSensor(string id, string type, string deviceId, string nodeId, string projectId, string name, Random random)
    {
        _sensors.Add(id, new JsonObject
        {
            ["id"] = id,
            ["device"] = deviceId,
            ["type"] = type,
            ["props"] = new JsonObject
            {
                ["ACCESSIBLE"] = true,
                ["NAME"] = name,
                ["NODE_ID"] = nodeId,
                ["OBSERVATION_COUNT"] = _options.SeededObservationsPerSensor,
                ["PROJECT_ID"] = projectId,
            },
        });
        _timelines[id] = new SensorTimeline(SeriesStart, TimeSpan.FromHours(1), _options.SeededObservationsPerSensor, random.Next(0, 10_000));
    }
}

/// <summary>The three entity kinds of the iTwin IoT hierarchy.</summary>
internal enum EntityKind
{
    Node,
    Device,
    Sensor,
}
