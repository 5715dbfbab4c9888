using System.Text;
using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Models;

/// <summary>Every response example of the vendor document parses into the models (facts copied from the document).</summary>
public sealed class DocResponseExamplesTests
{
    [Fact]
    public void EntityObjects_NodeDeviceSensor_Parse()
    {
        var node = Parse<ITwinIoTEntity>("""
            {"id":"/fn/6C4F6D/node","type":"THREAD","props":{"ACCESSIBLE":true,"DEVICE_GROUP":"/fn/6C4F6D/node","GATEWAY":"/fn/6B652F/node","LAST_COMM":"2016-10-18T22:26:24.818Z","LOCATION":{"coordinates":[-53.900861,30.602073]},"NAME":"North Sector THREAD #1","OBSERVATION_COUNT":16521,"POWER_MODE":"HIGH_POWER","PROJECT_ID":"60F8B30928A37A575ECEE061"}}
            """);
        var device = Parse<ITwinIoTEntity>("""
            {"id":"/fn/6C4F6D/node/dgsimlogger/032432/device","type":"DGSI_M_LOGGER","props":{"ACCESSIBLE":true,"EXTERNAL_PORT":1,"LAST_OBSERVATION":{"timestamp":"2016-06-24T18:01:00.000Z"},"LOCATION":{"coordinates":[-53.900861,30.602073,-17.24]},"MODE":"IPI_BIAXIAL","NAME":"North Sector Logger 2","NODE_ID":"/fn/6C4F6D/node","OBSERVATION_COUNT":8832,"SAMPLING_RATE_MAX":0.0011111111111111111,"SENSOR_GROUP":"/fn/6C4F6D/node/dgsimlogger/032432/device","SIZE":4,"ZERO_DATE":"2016-03-22T07:00:00.000Z","PROJECT_ID":"60F8B30928A37A575ECEE061"}}
            """);
        var sensor = Parse<ITwinIoTEntity>("""
            {"id":"/fn/6C4F6D/node/dgsimlogger/032432/device/tilt4/sensor","device":"/fn/6C4F6D/node/dgsimlogger/032432/device","type":"TILT_BIAXIAL_DGSI","props":{"ACCESSIBLE":true,"LAST_OBSERVATION":{"sensorId":"/fn/6C4F6D/node/dgsimlogger/032432/device/tilt4/sensor","timestamp":"2016-06-24T18:01:00.000Z","values":[-0.20226,0.17345,0.70659]},"LOCATION":{"coordinates":[-53.900861,30.602073,-17.24]},"MUX_INDEX":4,"NAME":"North Sector Tilt 2-2","NODE_ID":"/fn/6C4F6D/node","OBSERVATION_COUNT":2208,"SAMPLING_RATE_MAX":0.0011111111111111111,"SIZE":4,"ZERO_DATE":"2016-03-22T07:00:00.000Z","PROJECT_ID":"60F8B30928A37A575ECEE061"}}
            """);

        Assert.Equal(new DateTimeOffset(2016, 10, 18, 22, 26, 24, 818, TimeSpan.Zero), node.Props!.LastCommunication);
        Assert.Equal(16521, node.Props.ObservationCount);
        Assert.Equal("/fn/6B652F/node", node.Props.AdditionalProperties!["GATEWAY"].GetString());
        Assert.Equal(-17.24, device.Props!.Location!.Coordinates![2]);
        Assert.Equal("IPI_BIAXIAL", device.Props.AdditionalProperties!["MODE"].GetString());
        Assert.Equal(new DateTimeOffset(2016, 6, 24, 18, 1, 0, TimeSpan.Zero), device.Props.LastObservation!.Timestamp);
        Assert.Equal([-0.20226, 0.17345, 0.70659], sensor.Props!.LastObservation!.Values!.Select(v => v!.Value));
        Assert.Equal("/fn/6C4F6D/node/dgsimlogger/032432/device", sensor.Device);
    }

    [Fact]
    public void GetNodesResult_WithNullCoordinatesAndCustomProps_Parses()
    {
        var result = Result<List<ITwinIoTEntity>>("""
            {"jsonrpc":"2.0","id":1,"result":[{"type":"DYNAMIC","id":"/fn/6C954F/node","props":{"PROJECT_ID":"60D90DF0B2BD096E970C2824","ACCESSIBLE":false,"MODEL":"v11","NODE_ID":"/fn/6C954F/node","PORT_PROXY":28957,"POWER_MODE":"HIGH_POWER","LAST_MODIFIED_BY":"support","LAST_MODIFIED_DATE":"2021-09-01T17:37:14.582Z","LOCATION":{"type":"Point","coordinates":[null,null,null]},"SERIAL_NO":"6C954F","NAME":"Thread 6C954F","LAST_COMM":"2021-09-16T18:00:58.460Z","INTEGRATION_ID":"THREAD_SDE","CREATION_DATE":"2021-09-01T17:32:57.556Z","VERSION":"v8_1-SNAPSHOT","DEVICE_GROUP":"/fn/6C954F/node","OBSERVATION_COUNT":2519,"TYPE":"XC"},"customProps":{}}]}
            """);

        var node = Assert.Single(result);
        Assert.False(node.Props!.Accessible);
        Assert.Equal("v8_1-SNAPSHOT", node.Props.Version);
        Assert.Equal("THREAD_SDE", node.Props.IntegrationId);
        Assert.All(node.Props.Location!.Coordinates!, c => Assert.Null(c));
        Assert.Equal(JsonValueKind.Object, node.CustomProps!.Value.ValueKind);
    }

    [Fact]
    public void GetSensorsResult_IdAfterResult_Parses()
    {
        var result = Result<List<ITwinIoTEntity>>("""
            {"jsonrpc":"2.0","result":[{"type":"DYNAMIC","device":"/fn/xxxxx/node/dynamic/xxxxx/device","id":"/fn/xxxxx/node/dynamic/xxxxx/device/rugged_troll_insitu_sde/sensor","props":{"MODEL":"RUGGED_TROLL_200","NAME":"My Cool Rugged troll","NODE_ID":"/fn/xxxxx/node","PROJECT_ID":"60F8B30928A37A575ECEE061"}}],"id":1}
            """);

        Assert.Equal("60F8B30928A37A575ECEE061", Assert.Single(result).Props!.ProjectId);
    }

    [Fact]
    public void CreateResults_Parse()
    {
        // The document's createDevice and createSensor responses lack the comma after "id": 3/4 (invalid JSON); added here.
        var node = Result<ITwinIoTEntity>("""{"jsonrpc":"2.0","id":2,"result":{"id":"/fn/02DDXX/node","type":"THREAD","props":{"NAME":"Sample thread","NODE_ID":"/fn/02DDXX/node","ACCESSIBLE":true}}}""");
        var device = Result<ITwinIoTEntity>("""{"jsonrpc":"2.0","id":3,"result":{"id":"/fn/02DDC5/node/demo/032432/device","type":"DEMO","props":{"NAME":"Demo device","NODE_ID":"/fn/02DDC5/node","ACCESSIBLE":true}}}""");
        var sensor = Result<ITwinIoTEntity>("""{"jsonrpc":"2.0","id":4,"result":{"type":"DEMO_SENSOR","device":"/instantel/3E216E/node/demo_sensor/UM9169/device","id":"/instantel/3E216E/node/demo_sensor/UM9169/device/demo-1/sensor","props":{"ACCESSIBLE":true,"SERIAL_NO":"UM9169","NODE_ID":"/instantel/3E216E/node","NAME":"Demo Sensor"}}}""");

        Assert.Equal("Sample thread", node.Props!.Name);
        Assert.Equal("/fn/02DDC5/node", device.Props!.NodeId);
        Assert.Equal("UM9169", sensor.Props!.SerialNumber);
    }

    [Fact]
    public void MetricUnitAndGetMetrics_Parse()
    {
        var metric = Parse<Metric>("""{"defaultUnit":"m","displayName":"∆ X","id":"dx","name":"displacement X","notation":"∆x","params":[{"id":"dt","mandatory":false},{"id":"START_DATE","mandatory":false},{"id":"END","mandatory":false},{"id":"ZERO_DATE","mandatory":false}]}""");
        var unit = Parse<MetricUnit>("""{"id":"m","name":"meter","notation":"m"}""");
        var metrics = Result<Dictionary<string, List<Metric>>>("""
            {"jsonrpc":"2.0","result":{"/fn/xxxxx/node/dynamic/xxxxx/device/rugged_troll_insitu_sde/sensor":[{"id":"dT","name":"delta temperature","displayName":"∆ Temperature","defaultUnit":"C","notation":"∆T","hidden":false,"params":[{"id":"dt","mandatory":false},{"id":"START_DATE","mandatory":false},{"id":"ZERO_DATE","mandatory":false}]},{"id":"T","name":"temperature","displayName":"Temperature","defaultUnit":"C","notation":"T","hidden":false,"params":[]},{"id":"P_raw","name":"raw pressure","displayName":"Raw Pressure","defaultUnit":"Pa","notation":"P_raw","hidden":false,"params":[]}]},"id":1}
            """);

        Assert.Equal(["dt", "START_DATE", "END", "ZERO_DATE"], metric.Params!.Select(p => p.Id));
        Assert.Equal("meter", unit.Name);
        Assert.Equal(["dT", "T", "P_raw"], metrics.Single().Value.Select(m => m.Id));
    }

    [Fact]
    public void DataSeriesAndFinishedFrames_ParseIntoObservations()
    {
        var parser = new ObservationFrameParser(null, resumable: true);

        var frame = parser.Parse("""{"data":{"2016-12-15T23:38:07.000Z":77.53769759239933,"2016-12-16T07:13:07.000Z":77.79861178632439,"2016-12-29T01:26:04.000Z":77.68848770690741}}"""u8);
        var finished = parser.Parse("""{"requestStatus":"finished"}"""u8);
        var vector = new ObservationFrameParser(null, resumable: true).Parse("""{"data":{"2016-06-24T18:01:00.000Z":[-0.20226,0.17345,0.70659]}}"""u8);

        Assert.Equal(3, frame.Item!.Length);
        Assert.Equal(new Observation(new DateTimeOffset(2016, 12, 15, 23, 38, 7, TimeSpan.Zero), 77.53769759239933), frame.Item[0].Observation);
        Assert.False(frame.IsEnd);
        Assert.True(finished.IsEnd);
        Assert.False(finished.HasItem);
        Assert.Equal([-0.20226, 0.17345, 0.70659], vector.Item![0].Observation.Values!);
    }

    [Fact]
    public void UploadResultAndAuthenticateResult_Parse()
    {
        var upload = Envelope("""{"jsonrpc":"2.0","result":{"successfullyProcessedObs":1},"id":4}""");

        Assert.Equal(1, upload.GetProperty("successfullyProcessedObs").GetInt32());
    }

    [Fact]
    public void RestIntegrationResponses_Parse()
    {
        var created = Parse<IntegrationResponse>("""
            {"integration":{"node":{"props":{"SERIAL_NO":"B6627B","CREATION_DATE":"2024-03-05T10:27:22.553+00:00","INTEGRATION_ID":"NODE_API_SDE","PROJECT_ID":"65CB51CE8E199448BB4D4BDA","NAME":"Data Source API Import B6627B"},"id":"/api/B6627B/node","type":"DYNAMIC"},"devices":[{"device":{"props":{"SIZE":2,"CREATION_DATE":"2024-03-05T10:27:22.585+00:00","NODE_ID":"/api/B6627B/node","INTEGRATION_ID":"IMPORT_DEVICE_SDE","PROJECT_ID":"65CB51CE8E199448BB4D4BDA","NAME":"Device-1"},"id":"/api/B6627B/node/dynamic/BED858/device","type":"DYNAMIC"},"sensors":[{"props":{"UNKNOWN_UNITS":{"0":"millimeter","1":"millimeter"},"CREATION_DATE":"2024-03-05T10:27:22.615+00:00","UNKNOWN_METRICS":{"0":"Alignment_Left_SD","1":"Alignment_Right_SD"},"NODE_ID":"/api/B6627B/node","INTEGRATION_ID":"GENERIC_SENSOR_SDE","PROJECT_ID":"65CB51CE8E199448BB4D4BDA","NAME":"Sensor-1"},"id":"/api/B6627B/node/dynamic/BED858/device/B2D116/sensor","observationType":"DYNAMIC","type":"DYNAMIC","device":"/api/B6627B/node/dynamic/BED858/device"}]}]}}
            """);
        var advanced = Parse<IntegrationResponse>("""
            {"integration":{"node":{"props":{"LOCATION":{"type":"Point","coordinates":[-60.0,90.0,123.0]},"AUTH_TOKEN":"test auth","SERIAL_NO":"12345","CREATION_DATE":"2024-02-20T12:50:57.069+00:00","INTEGRATION_ID":"NODE_API_SDE","URL":"test url","NAME":"test node","NOTES":"test notes","EXTERNAL_ID":"12345","PROJECT_ID":"65CB51CE8E199448BB4D4BDA"},"id":"/api/B08851/node","type":"DYNAMIC"},"devices":[]}}
            """);

        var sensor = created.Integration!.Devices[0].Sensors[0];
        Assert.Equal("/api/B6627B/node", created.Integration.Node!.Id);
        Assert.Equal("Alignment_Left_SD", sensor.Props!.AdditionalProperties!["UNKNOWN_METRICS"].GetProperty("0").GetString());
        Assert.Equal("DYNAMIC", sensor.ObservationType);
        Assert.Equal(123.0, advanced.Integration!.Node!.Props!.Location!.Coordinates![2]);
    }

    [Fact]
    public void RestCatalogResponses_Parse()
    {
        // The document's types and catalogue examples end arrays with a trailing comma (invalid JSON); removed here.
        var metrics = Parse<MetricCatalogResponse>("""{"standard":true,"metrics":[{"metric":"T","id":"T","displayName":"Temperature","defaultUnit":"C","units":[{"unit":"C","id":"C","displayName":"celsius","notation":"°C"},{"unit":"K","id":"K","displayName":"kelvin","notation":"°K"},{"unit":"F","id":"F","displayName":"fahrenheit","notation":"°F"}]}]}""");
        var sensorMetrics = Parse<SensorMetricsResponse>("""{"metricsBySensor":{"/api/13DC2F/node/dynamic/AB10E2/device/D76619/sensor":[{"defaultUnit":"millimeter","hidden":false,"displayName":"Alignment_Left_SD","notation":"Alignment_Left_SD","name":"Alignment_Left_SD","id":"Alignment_Left_SD","units":[{"notation":"millimeter","name":"millimeter","id":"millimeter"}]}]}}""");
        var template = Parse<EntityTemplate>("""{"id":"GENERIC_SENSOR_SDE","name":"GENERIC_SENSOR_SDE","icon":"smicon-circle","iconUnicode":"","metricsAndUnits":[{"metric":"GENERIC","id":"GENERIC","displayName":"generic","defaultUnit":"GENERIC","units":[{"unit":"GENERIC","id":"GENERIC"}]}],"isDynamic":true}""");
        var device = Parse<EntityTemplate>("""{"id":"IMPORT_DEVICE_SDE","name":"Import Device","icon":"smicon-device-import","iconUnicode":"","manufacturer":"sensemetrics","minThreadVersion":"1.0","editOnly":false,"isDynamic":true}""");

        Assert.Equal(["C", "K", "F"], metrics.Metrics[0].Units!.Select(u => u.Id));
        Assert.Equal("millimeter", sensorMetrics.MetricsBySensor!.Single().Value[0].Units![0].Id);
        Assert.Equal("GENERIC", template.MetricsAndUnits![0].DefaultUnit);
        Assert.Equal("sensemetrics", device.Manufacturer);
        Assert.Equal("1.0", device.AdditionalProperties!["minThreadVersion"].GetString());
    }

    private static T Parse<T>(string json) =>
        (T)JsonSerializer.Deserialize(json, typeof(T), ITwinIoTJsonContext.Default)!;

    private static T Result<T>(string envelope) =>
        (T)Envelope(envelope).Deserialize(typeof(T), ITwinIoTJsonContext.Default)!;

    private static JsonElement Envelope(string envelope)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(envelope));
        return document.RootElement.GetProperty("result").Clone();
    }
}
