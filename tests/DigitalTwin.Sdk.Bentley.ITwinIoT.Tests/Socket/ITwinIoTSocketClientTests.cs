using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.JsonRpc;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using static DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Socket.SocketTestHelpers;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Socket;

public sealed class ITwinIoTSocketClientTests
{
    [Theory]
    [InlineData(ITwinIoTTransport.WebSocket)]
    [InlineData(ITwinIoTTransport.Tcp)]
    public async Task GetSensorsAsync_OverEitherTransport_ReturnsTypedEntities(ITwinIoTTransport transport)
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { NextId = 500, TcpWriteChunkSize = 7 });
        await using var client = new ITwinIoTSocketClient(Options(emu, transport));

        var sensors = await client.GetSensorsAsync([ITwinIoTEmulator.TiltSensorId]);

        var sensor = Assert.Single(sensors);
        Assert.Equal(ITwinIoTEmulator.TiltSensorId, sensor.Id);
        Assert.Equal(ITwinIoTEmulator.DeviceId, sensor.Device);
        Assert.Equal("TILT_BIAXIAL_DGSI", sensor.Type);
        Assert.Equal(ITwinIoTEmulator.NodeId, sensor.Props!.NodeId);
        Assert.Equal(emu.Options.DefaultProjectId, sensor.Props.ProjectId);
        var getSensors = Assert.Single(emu.Requests.Snapshot(), r => r.Method == "getSensors");
        Assert.Contains("\"id\":500", getSensors.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_WithJwtProvider_AuthenticatesWithToken()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var options = Options(emu);
        options.ApiKey = null;
        var calls = 0;
        options.AccessTokenProvider = _ => { calls++; return ValueTask.FromResult(emu.Jwt); };
        await using var client = new ITwinIoTSocketClient(options);

        await client.ConnectAsync();

        Assert.Equal(1, calls);
        Assert.Equal(JsonRpcConnectionState.Connected, client.State);
        Assert.Contains(emu.Jwt, Assert.Single(emu.Requests.Snapshot(), r => r.Method == "authenticate").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_WithWrongKey_ThrowsJsonRpcExceptionWithoutTheKey()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var options = Options(emu);
        options.ApiKey = "WRONG-KEY-123";
        await using var client = new ITwinIoTSocketClient(options);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.ConnectAsync());

        Assert.Equal(ITwinIoTEmulatorErrors.AuthenticationFailed, error.Code);
        Assert.Equal("authenticate", error.Method);
        Assert.DoesNotContain("WRONG-KEY-123", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG-KEY-123", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_FromServer_MapToJsonRpcExceptionWithCodeMessageAndMethod()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));

        var unknownMetric = await Assert.ThrowsAsync<JsonRpcException>(async () =>
        {
            await foreach (var unused in client.GetDataAsync(new DataQuery(ITwinIoTEmulator.TiltSensorId, "nope", "m")))
            {
            }
        });
        var unknownUnits = await Assert.ThrowsAsync<JsonRpcException>(() => client.GetUnitsAsync(["nope"]));

        Assert.Equal(ITwinIoTEmulatorErrors.InvalidParams, unknownMetric.Code);
        Assert.Equal("getData", unknownMetric.Method);
        Assert.Contains("nope", unknownMetric.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(ITwinIoTEmulatorErrors.NotFound, unknownUnits.Code);
        Assert.Equal(JsonRpcConnectionState.Connected, client.State);
    }

    [Fact]
    public async Task MetricsAndUnits_AreTyped()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));

        var metrics = await client.GetMetricsAsync([ITwinIoTEmulator.TiltSensorId]);
        var raw = await client.GetRawMetricsAsync(sensorTypes: ["TILT_BIAXIAL_DGSI"]);
        var units = await client.GetUnitsAsync(["dx"]);

        var dx = Assert.Single(metrics[ITwinIoTEmulator.TiltSensorId], m => m.Id == "dx");
        Assert.Equal("m", dx.DefaultUnit);
        Assert.Contains(dx.Params!, p => p.Id == "ZERO_DATE" && !p.Mandatory);
        Assert.DoesNotContain(raw["TILT_BIAXIAL_DGSI"], m => m.Id == "dx");
        Assert.Contains(units["dx"], u => u.Id == "mm" && u.Name == "millimeter");
    }

    [Fact]
    public async Task TimeAndHelp_Work()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));

        var time = await client.GetTimeAsync();
        var help = await client.GetHelpAsync();

        Assert.InRange(time, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains("getData", help.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateNodeAndDevice_MissingRequiredField_RefusedBeforeSending()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateNodeAsync(new CreateNodeRequest("/fn/02DDXX/node", "THREAD", "")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateDeviceAsync(new CreateDeviceRequest("/fn/02DDC5/node/demo/032432/device", "DEMO", " ")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateSensorAsync(new CreateSensorRequest("not-an-id", "DEMO_SENSOR")));
        Assert.Throws<ArgumentException>(() => client.GetDataAsync(new DataQuery(ITwinIoTEmulator.TiltSensorId, "dx", null)));
        await Assert.ThrowsAsync<ArgumentException>(() => client.UploadDataAsync([new ObservationUpload(ITwinIoTEmulator.TiltSensorId, DateTimeOffset.UtcNow, new Dictionary<string, double>())]));

        Assert.Equal(0, emu.ConnectionCount);
    }

    [Fact]
    public async Task CreateEntities_ThenDuplicate_ServerRefusesDuplicate()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));

        var node = await client.CreateNodeAsync(new CreateNodeRequest("/fn/02DDXX/node", "THREAD", "v4_6") { Name = "Sample thread", SerialNumber = "02DDXX" });
        var device = await client.CreateDeviceAsync(new CreateDeviceRequest("/fn/02DDXX/node/demo/032432/device", "DEMO", "/fn/02DDXX/node") { Name = "Demo device" });
        var sensor = await client.CreateSensorAsync(new CreateSensorRequest("/fn/02DDXX/node/demo/032432/device/demo-1/sensor", "DEMO_SENSOR") { Name = "Demo Sensor" });
        var duplicate = await Assert.ThrowsAsync<JsonRpcException>(() => client.CreateNodeAsync(new CreateNodeRequest("/fn/02DDXX/node", "THREAD", "v4_6")));

        Assert.Equal("/fn/02DDXX/node", node.Props!.NodeId);
        Assert.Equal("/fn/02DDXX/node", device.Props!.NodeId);
        Assert.Equal("/fn/02DDXX/node/demo/032432/device", sensor.Device);
        Assert.Equal("DEMO_SENSOR", sensor.ObservationType);
        Assert.Equal(ITwinIoTEmulatorErrors.AlreadyExists, duplicate.Code);
    }

    [Fact]
    public async Task SubscribeSensorsAsync_UpdateSensor_PushesUpdate_AndDisposeUnsubscribes()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));
        var subscription = await client.SubscribeSensorsAsync([ITwinIoTEmulator.TiltSensorId]);
        await WaitUntilAsync(() => emu.EntitySubscriptionCount == 1);

        var updated = await client.UpdateSensorAsync(ITwinIoTEmulator.TiltSensorId, new JsonObject { ["NAME"] = "Renamed tilt" });
        await using var enumerator = subscription.GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        await subscription.DisposeAsync();

        Assert.Equal("Renamed tilt", updated.Props!.Name);
        Assert.Equal("Renamed tilt", enumerator.Current.Props!.Name);
        Assert.Equal(0, emu.EntitySubscriptionCount);
        Assert.Contains(emu.Requests.Snapshot(), r => r.Method == "unsubscribeSensors" && r.Body.Contains($"\"id\":{subscription.SubscriptionId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetNodesAsync_WithProjectId_SendsSingleProjectId()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));

        var defaults = await client.GetNodesAsync();
        var second = await client.GetNodesAsync(projectId: ITwinIoTEmulator.SecondProjectId);

        Assert.Contains(defaults, n => n.Id == ITwinIoTEmulator.NodeId);
        Assert.Equal("/fn/6C954F/node", Assert.Single(second).Id);
        Assert.Contains(emu.Requests.Snapshot(), r => r.Method == "getNodes" && r.Body.Contains($"\"projectIds\":[\"{ITwinIoTEmulator.SecondProjectId}\"]", StringComparison.Ordinal));
    }

    private static readonly DateTimeOffset ITwinIoTStoreSeriesStart = new(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetDataAsync_LimitAndSummary_ReturnFirstAndLast()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));
        var query = new DataQuery(ITwinIoTEmulator.TiltSensorId, "T", "K") { StartDate = new DateTimeOffset(2017, 1, 2, 0, 0, 0, TimeSpan.Zero) };

        var last = await client.GetDataAsync(query with { Limit = DataLimit.Last }).ToListAsync();
        var first = await client.GetDataAsync(query with { Limit = DataLimit.First }).ToListAsync();
        var summaries = await client.GetObservationsSummaryAsync([ITwinIoTEmulator.TiltSensorId]);
        var summary = summaries[ITwinIoTEmulator.TiltSensorId];

        Assert.Equal(new DateTimeOffset(2017, 1, 2, 0, 0, 0, TimeSpan.Zero), Assert.Single(first).Timestamp);
        Assert.Equal(ITwinIoTStoreSeriesStart, Assert.Single(summary.First!.Points).Timestamp);
        Assert.Equal(Assert.Single(summary.Last!.Points).Timestamp, Assert.Single(last).Timestamp);
        Assert.Equal(3, summary.Last.Points[0].Values!.Count);
        Assert.InRange(first[0].Value, 250, 300);
    }

    [Fact]
    public async Task KeepAlive_SendsPeriodicTimeRequests()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var options = Options(emu);
        options.KeepAliveInterval = TimeSpan.FromMilliseconds(50);
        await using var client = new ITwinIoTSocketClient(options);

        await client.ConnectAsync();
        await WaitUntilAsync(() => emu.Requests.Snapshot().Count(r => r.Method == "time") >= 2);

        Assert.Equal(1, emu.ConnectionCount);
    }
}
