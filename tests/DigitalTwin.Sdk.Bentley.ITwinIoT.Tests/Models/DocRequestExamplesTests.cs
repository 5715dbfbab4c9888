using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using static DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Socket.SocketTestHelpers;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Models;

/// <summary>Every socket request example of the vendor document is what the client puts on the wire (params compared as JSON).</summary>
public sealed class DocRequestExamplesTests
{
    private const string Tilt = "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt4/sensor";

    [Fact]
    public async Task SocketRequests_MatchTheDocumentedParams()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));
        var zeroDate = new Dictionary<string, MetricParameter> { ["ZERO_DATE"] = MetricParameter.FromString("2017-03-01T22:00:00.000Z") };

        await client.GetSensorsAsync([Tilt]);
        await client.GetNodesAsync(["/fn/6C954F/node"], "60D90DF0B2BD096E970C2824");
        await client.CreateNodeAsync(new CreateNodeRequest("/fn/02DDXX/node", "THREAD", "v4_6") { Name = "Sample thread", SerialNumber = "02DDXX" });
        await client.CreateDeviceAsync(new CreateDeviceRequest("/fn/02DDC5/node/demo/032432/device", "DEMO", "/fn/02DDC5/node") { Name = "Demo device" });
        await client.CreateSensorAsync(new CreateSensorRequest("/instantel/3E216E/node/demo_sensor/UM9169/device/demo-1/sensor", "DEMO_SENSOR") { ObservationType = "DEMO_SENSOR", Name = "Demo Sensor" });
        await client.GetMetricsAsync([Tilt]);
        await client.GetUnitsAsync(["dx"]);
        await client.GetDataAsync(new DataQuery(Tilt, "dx", "m")
        {
            Parameters = zeroDate,
            StartDate = DateTimeOffset.Parse("2017-01-01T23:17:10.305Z", System.Globalization.CultureInfo.InvariantCulture),
            EndDate = DateTimeOffset.Parse("2017-01-20T23:17:10.305Z", System.Globalization.CultureInfo.InvariantCulture),
        }).ToListAsync();
        var subscription = await client.SubscribeDataAsync(new DataSubscriptionRequest([Tilt], "dx", "m") { Parameters = zeroDate });
        await WaitUntilAsync(() => emu.DataSubscriptionCount == 1);
        await subscription.DisposeAsync();
        await client.UploadDataAsync([new ObservationUpload(Tilt, DateTimeOffset.Parse("2018-06-04T19:35:35.400Z", System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, double> { ["ax"] = 100.0, ["ay"] = 101.0, ["T"] = 23.0 })]);

        AssertParams(emu, "authenticate", $$"""{"code":"{{emu.ApiKey}}"}""");
        AssertParams(emu, "getSensors", """{"sensors":["/fn/6C4F6D/node/dgsimlogger/032432/device/tilt4/sensor"]}""");
        AssertParams(emu, "getNodes", """{"nodes":["/fn/6C954F/node"],"projectIds":["60D90DF0B2BD096E970C2824"]}""");
        AssertParams(emu, "createNode", """{"node":"/fn/02DDXX/node","type":"THREAD","props":{"NAME":"Sample thread","SERIAL_NO":"02DDXX","VERSION":"v4_6"}}""");
        AssertParams(emu, "createDevice", """{"device":"/fn/02DDC5/node/demo/032432/device","type":"DEMO","props":{"NAME":"Demo device","NODE_ID":"/fn/02DDC5/node"}}""");
        AssertParams(emu, "createSensor", """{"sensor":"/instantel/3E216E/node/demo_sensor/UM9169/device/demo-1/sensor","observationType":"DEMO_SENSOR","type":"DEMO_SENSOR","props":{"NAME":"Demo Sensor"}}""");
        AssertParams(emu, "getMetrics", """{"sensors":["/fn/6C4F6D/node/dgsimlogger/032432/device/tilt4/sensor"]}""");
        AssertParams(emu, "getUnits", """{"metrics":["dx"]}""");
        AssertParams(emu, "getData", """{"sensor":"/fn/6C4F6D/node/dgsimlogger/032432/device/tilt4/sensor","metric":"dx","unit":"m","params":{"ZERO_DATE":{"value":"2017-03-01T22:00:00.000Z"}},"startDate":"2017-01-01T23:17:10.305Z","endDate":"2017-01-20T23:17:10.305Z"}""");
        AssertParams(emu, "subscribeData", """{"sensors":["/fn/6C4F6D/node/dgsimlogger/032432/device/tilt4/sensor"],"metric":"dx","unit":"m","params":{"ZERO_DATE":{"value":"2017-03-01T22:00:00.000Z"}}}""");
        AssertParams(emu, "unsubscribeData", $$"""{"id":{{subscription.SubscriptionId}}}""");
        AssertParams(emu, "uploadData", """{"data":[{"sensorId":"/fn/6C4F6D/node/dgsimlogger/032432/device/tilt4/sensor","timestamp":"2018-06-04T19:35:35.400Z","values":{"ax":100.0,"ay":101.0,"T":23.0}}]}""");
    }

    [Fact]
    public async Task Envelope_HasJsonRpcMethodIdParams_AndIdsContinueFromNextId()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { NextId = 42 });
        await using var client = new ITwinIoTSocketClient(Options(emu));

        await client.GetTimeAsync();
        await client.GetHelpAsync();

        var requests = emu.Requests.Snapshot().Where(r => r.Path == "/ws").Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
        Assert.Equal(["authenticate", "time", "help"], requests.Select(r => r["method"]!.GetValue<string>()));
        Assert.Equal([0L, 42L, 43L], requests.Select(r => r["id"]!.GetValue<long>()));
        Assert.All(requests, r => Assert.Equal("2.0", r["jsonrpc"]!.GetValue<string>()));
        Assert.Null(requests[1]["params"]);
    }

    private static void AssertParams(ITwinIoTEmulator emu, string method, string expected)
    {
        var request = emu.Requests.Snapshot().First(r => r.Method == method);
        var actual = JsonNode.Parse(request.Body)!["params"];
        Assert.Equal(Normalize(JsonNode.Parse(expected)), Normalize(actual));
    }

    /// <summary>Canonical text: keys sorted, numbers as doubles (so 100.0 equals 100).</summary>
    private static string Normalize(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key, Internal.ITwinIoTJsonContext.Default.String) + ":" + Normalize(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Normalize)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        null => "null",
        _ => node.ToJsonString(),
    };
}
