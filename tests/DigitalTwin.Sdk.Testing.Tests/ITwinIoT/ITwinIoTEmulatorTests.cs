using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Testing.Tests.ITwinIoT;

public sealed class ITwinIoTEmulatorTests
{
    [Fact]
    public async Task Authenticate_WithApiKey_ReturnsConfiguredNextId()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { NextId = 1000 });
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);

        Assert.Equal(1000, await client.AuthenticateAsync(emu.ApiKey));
        Assert.Equal(1, emu.Authentications);
    }

    [Fact]
    public async Task Authenticate_WithJwt_Succeeds()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);

        Assert.Equal(1, await client.AuthenticateAsync(emu.Jwt));
    }

    [Fact]
    public async Task Authenticate_WithWrongKey_ReturnsAuthenticationFailed()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);

        var response = await client.CallAsync(0, "authenticate", """{"code":"nope"}""");

        Assert.Equal(ITwinIoTEmulatorErrors.AuthenticationFailed, response["error"]!["code"]!.GetValue<int>());
        Assert.Equal(0, response["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Request_BeforeAuthenticate_ReturnsNotAuthenticated()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);

        var response = await client.CallAsync(1, "time");

        Assert.Equal(ITwinIoTEmulatorErrors.NotAuthenticated, response["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Request_WithIdBelowNextId_IsRejected()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { NextId = 1000 });
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);

        var rejected = await client.CallAsync(5, "time");
        var accepted = await client.CallAsync(1000, "time");
        var repeated = await client.CallAsync(1000, "time");

        Assert.Equal(ITwinIoTEmulatorErrors.InvalidRequest, rejected["error"]!["code"]!.GetValue<int>());
        Assert.NotNull(accepted["result"]!["time"]);
        Assert.Equal(ITwinIoTEmulatorErrors.InvalidRequest, repeated["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Request_UnknownMethodOrInvalidJson_ReturnsStandardErrors()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);

        var unknown = await client.CallAsync(1, "getEverything");
        await client.SendAsync("{\"jsonrpc\":\"2.0\",");
        var parse = await client.ReceiveAsync();

        Assert.Equal(ITwinIoTEmulatorErrors.MethodNotFound, unknown["error"]!["code"]!.GetValue<int>());
        Assert.Equal(ITwinIoTEmulatorErrors.ParseError, parse["error"]!["code"]!.GetValue<int>());
        Assert.Null(parse["id"]);
    }

    [Fact]
    public async Task GetNodes_FiltersByProject_AndRefusesSeveralProjects()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);

        var defaults = (await client.CallAsync(1, "getNodes"))["result"]!.AsArray();
        var second = (await client.CallAsync(2, "getNodes", J("""{"projectIds":["@P2"]}""")))["result"]!.AsArray();
        var both = await client.CallAsync(3, "getNodes", J("""{"projectIds":["@P2","@P1"]}"""));

        Assert.Contains(defaults, n => n!["id"]!.GetValue<string>() == ITwinIoTEmulator.NodeId);
        Assert.DoesNotContain(defaults, n => n!["id"]!.GetValue<string>() == "/fn/6C954F/node");
        Assert.Equal("/fn/6C954F/node", Assert.Single(second)!["id"]!.GetValue<string>());
        Assert.Equal(ITwinIoTEmulatorErrors.InvalidParams, both["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetData_StreamsSeveralFrames_ThenFinished()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { PointsPerFrame = 100, SeededObservationsPerSensor = 1000 });
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);

        await client.SendAsync(J("""{"jsonrpc":"2.0","method":"getData","id":1,"params":{"sensor":"@TILT","metric":"dx","unit":"mm","params":{"ZERO_DATE":{"value":"2017-03-01T22:00:00.000Z"}}}}"""));
        var frames = 0;
        var timestamps = new List<DateTimeOffset>();
        while (true)
        {
            var frame = await client.ReceiveAsync();
            Assert.Equal(1, frame["id"]!.GetValue<long>());
            var result = frame["result"]!.AsObject();
            if (result["requestStatus"]?.GetValue<string>() == "finished")
            {
                break;
            }

            frames++;
            timestamps.AddRange(result["data"]!.AsObject().Select(p => DateTimeOffset.Parse(p.Key, CultureInfo.InvariantCulture)));
        }

        Assert.Equal(10, frames);
        Assert.Equal(1000, timestamps.Count);
        Assert.Equal(timestamps.Order(), timestamps);
        Assert.Equal(1000, timestamps.Distinct().Count());
    }

    [Fact]
    public async Task GetData_WithLimitLastAndDateRange_ReturnsOnePointInRange()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);

        await client.SendAsync(J("""{"jsonrpc":"2.0","method":"getData","id":1,"params":{"sensor":"@TILT","metric":"T","unit":"C","startDate":"2017-01-01T10:30:00.000Z","endDate":"2017-01-02T00:00:00.000Z","limit":{"function":"last","params":{"size":1}}}}"""));
        var data = (await client.ReceiveAsync())["result"]!["data"]!.AsObject();
        var finished = await client.ReceiveAsync();

        Assert.Equal("2017-01-02T00:00:00.000Z", Assert.Single(data).Key);
        Assert.Equal("finished", finished["result"]!["requestStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetData_SensorOfOtherProjectWithoutProjectIds_IsNotFound()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);

        var response = await client.CallAsync(1, "getData", """{"sensor":"/fn/6C954F/node/dynamic/A1B2C3/device/rugged_troll_insitu_sde/sensor","metric":"P_raw","unit":"Pa"}""");

        Assert.Equal(ITwinIoTEmulatorErrors.NotFound, response["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task UploadData_StoresAndPushesToDataSubscription()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var subscriber = await RawRpcClient.ConnectWebSocketAsync(emu);
        await using var uploader = await RawRpcClient.ConnectTcpAsync(emu);
        await subscriber.AuthenticateAsync(emu.ApiKey);
        await uploader.AuthenticateAsync(emu.ApiKey);

        await subscriber.SendAsync(J("""{"jsonrpc":"2.0","method":"subscribeData","id":7,"params":{"sensors":["@TILT"],"metric":"T","unit":"F"}}"""));
        await WaitUntilAsync(() => emu.DataSubscriptionCount == 1);
        var upload = await uploader.CallAsync(1, "uploadData", J("""{"data":[{"sensorId":"@TILT","timestamp":"2030-01-01T00:00:00.000Z","values":{"T":100.0,"ax":1.5}},{"sensorId":"/nope/sensor","timestamp":"2030-01-01T00:00:00.000Z","values":{"T":1}}]}"""));
        var push = await subscriber.ReceiveAsync();

        Assert.Equal(1, upload["result"]!["successfullyProcessedObs"]!.GetValue<int>());
        Assert.Equal(7, push["id"]!.GetValue<long>());
        Assert.Equal(212.0, push["result"]!["data"]!["2030-01-01T00:00:00.000Z"]!.GetValue<double>(), 6);
    }

    [Fact]
    public async Task JsonRpcErrorFault_AnswersTheNextMatchingRequestWithTheError_WithoutHandlingIt()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        emu.Faults.Add(Fault.JsonRpcError(-32000, "Upload service unavailable"), method: "uploadData");
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);
        const string Upload = """{"data":[{"sensorId":"@TILT","timestamp":"2030-01-01T00:00:00.000Z","values":{"T":21.0}}]}""";

        var time = await client.CallAsync(1, "time");
        var refused = await client.CallAsync(2, "uploadData", J(Upload));
        var receivedAfterRefusal = emu.ObservationsReceived;
        var accepted = await client.CallAsync(3, "uploadData", J(Upload));

        Assert.NotNull(time["result"]);
        Assert.Equal(2, refused["id"]!.GetValue<long>());
        Assert.Equal(-32000, refused["error"]!["code"]!.GetValue<int>());
        Assert.Equal("Upload service unavailable", refused["error"]!["message"]!.GetValue<string>());
        Assert.Equal(0, receivedAfterRefusal);
        Assert.Equal(1, accepted["result"]!["successfullyProcessedObs"]!.GetValue<int>());
        Assert.Equal(1, emu.ObservationsReceived);
    }

    [Fact]
    public async Task ObservationsReceived_CountsEveryStoredUpload_DistinctCountsEachSensorAndTimestampOnce()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = await RawRpcClient.ConnectTcpAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);
        using var http = new HttpClient { BaseAddress = emu.BaseUri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", emu.ApiKey);

        await client.CallAsync(1, "uploadData", J("""{"data":[{"sensorId":"@TILT","timestamp":"2030-01-01T00:00:00.000Z","values":{"T":21.0}},{"sensorId":"@TILT","timestamp":"2030-01-01T00:01:00.000Z","values":{"T":21.5}},{"sensorId":"/nope/sensor","timestamp":"2030-01-01T00:00:00.000Z","values":{"T":1}}]}"""));
        await client.CallAsync(2, "uploadData", J("""{"data":[{"sensorId":"@TILT","timestamp":"2030-01-01T00:00:00.000Z","values":{"T":22.0}}]}"""));
        using var rest = await http.PostAsync(
            new Uri("api/data/upload", UriKind.Relative),
            new StringContent(J("""{"observations":[{"sensorId":"@TILT","timestamp":"2030-01-01T00:02:00.000Z","values":{"T":23.0}}]}"""), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.Accepted, rest.StatusCode);
        Assert.Equal(4, emu.ObservationsReceived);
        Assert.Equal(3, emu.DistinctObservationsReceived);
    }

    [Fact]
    public async Task CreateEntities_RequiredFieldsEnforced_AndDuplicatesRefused()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);

        var noVersion = await client.CallAsync(1, "createNode", """{"node":"/fn/02DDXX/node","type":"THREAD","props":{"NAME":"x"}}""");
        var node = await client.CallAsync(2, "createNode", """{"node":"/fn/02DDXX/node","type":"THREAD","props":{"NAME":"Sample thread","SERIAL_NO":"02DDXX","VERSION":"v4_6"}}""");
        var duplicate = await client.CallAsync(3, "createNode", """{"node":"/fn/02DDXX/node","type":"THREAD","props":{"VERSION":"v4_6"}}""");
        var noNode = await client.CallAsync(4, "createDevice", """{"device":"/fn/02DDC5/node/demo/032432/device","type":"DEMO","props":{"NAME":"Demo device"}}""");
        var sensor = await client.CallAsync(5, "createSensor", """{"sensor":"/instantel/3E216E/node/demo_sensor/UM9169/device/demo-1/sensor","observationType":"DEMO_SENSOR","type":"DEMO_SENSOR","props":{"NAME":"Demo Sensor"}}""");

        Assert.Equal(ITwinIoTEmulatorErrors.InvalidParams, noVersion["error"]!["code"]!.GetValue<int>());
        Assert.Equal("/fn/02DDXX/node", node["result"]!["props"]!["NODE_ID"]!.GetValue<string>());
        Assert.Equal(ITwinIoTEmulatorErrors.AlreadyExists, duplicate["error"]!["code"]!.GetValue<int>());
        Assert.Equal(ITwinIoTEmulatorErrors.InvalidParams, noNode["error"]!["code"]!.GetValue<int>());
        Assert.Equal("/instantel/3E216E/node/demo_sensor/UM9169/device", sensor["result"]!["device"]!.GetValue<string>());
        Assert.Equal("UM9169", sensor["result"]!["props"]!["SERIAL_NO"]!.GetValue<string>());
    }

    [Fact]
    public async Task CloseWebSocketAfter_CutsTheSocketAfterNFrames()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { PointsPerFrame = 10 });
        emu.Faults.Add(Fault.CloseWebSocketAfter(3), method: "getData");
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);

        await client.SendAsync(J("""{"jsonrpc":"2.0","method":"getData","id":1,"params":{"sensor":"@TILT","metric":"T","unit":"C"}}"""));
        // The server sends three frames and then cuts the connection. A cut is a reset: frames still unread in the
        // client's receive buffer may be lost with it on a loaded machine, so the client reads at most those three
        // before the failure, never a fourth, and the emulator counts exactly the three frames' points as sent.
        var frames = 0;
        var cut = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            while (true)
            {
                var message = await client.ReceiveAsync();
                if (message["result"]?["data"] is null)
                {
                    throw new InvalidDataException("not a data frame: " + message.ToJsonString());
                }

                frames++;
            }
        });

        Assert.True(cut is System.Net.WebSockets.WebSocketException or IOException, $"expected the cut, got {cut.GetType().Name}: {cut.Message}");
        Assert.InRange(frames, 0, 3);
        Assert.Equal(30, emu.DataPointsSent);
    }

    [Fact]
    public async Task CloseWebSocketAfter_ClientGoneBeforeTheCut_LeavesNoUnobservedTaskException()
    {
        var unobserved = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.InnerExceptions.Any(x => x is ObjectDisposedException))
            {
                unobserved.Enqueue(e.Exception);
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await using var emu = await ITwinIoTEmulator.StartAsync();
            emu.Faults.Add(Fault.CloseWebSocketAfter(1), method: "time");
            await using (var client = await RawRpcClient.ConnectWebSocketAsync(emu))
            {
                await client.AuthenticateAsync(emu.ApiKey);
                Assert.NotNull((await client.CallAsync(1, "time"))["result"]);
            }

            // The emulator cuts the socket about 250 ms after the last frame; by then the client has left. Once the cut
            // has run, any exception it raised sits in a task nobody awaits, which the collection below surfaces.
            await WaitUntilAsync(() => emu.OpenConnections == 0);
            await WaitUntilAsync("the delayed cut ran", () => emu.FaultCuts == 1);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            Assert.Empty(unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    [Fact]
    public async Task Tcp_SplitWritesAndBatchedRequests_AreFramed()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { TcpWriteChunkSize = 3 });
        await using var client = await RawRpcClient.ConnectTcpAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);

        await client.SendAsync(J("""{"jsonrpc":"2.0","method":"getSensors","id":1,"params":{"sensors":["@TILT"]}} {"jsonrpc":"2.0","method":"time","id":2}"""));
        var sensors = await client.ReceiveAsync();
        var time = await client.ReceiveAsync();

        Assert.Equal(ITwinIoTEmulator.TiltSensorId, sensors["result"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(2, time["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task UpdateSensor_PushesToEntitySubscribers()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = await RawRpcClient.ConnectWebSocketAsync(emu);
        await client.AuthenticateAsync(emu.ApiKey);

        await client.SendAsync(J("""{"jsonrpc":"2.0","method":"subscribeSensors","id":1,"params":{"sensors":["@TILT"]}}"""));
        await WaitUntilAsync(() => emu.EntitySubscriptionCount == 1);
        await client.SendAsync(J("""{"jsonrpc":"2.0","method":"updateSensor","id":2,"params":{"sensor":"@TILT","props":{"NAME":"Renamed"}}}"""));
        var frames = new[] { await client.ReceiveAsync(), await client.ReceiveAsync() };

        var push = Assert.Single(frames, f => f["id"]!.GetValue<long>() == 1);
        Assert.Equal("Renamed", push["result"]!["data"]!["props"]!["NAME"]!.GetValue<string>());
    }

    private static string J(string json) =>
        json.Replace("@TILT", ITwinIoTEmulator.TiltSensorId, StringComparison.Ordinal)
            .Replace("@P2", ITwinIoTEmulator.SecondProjectId, StringComparison.Ordinal)
            .Replace("@P1", "60F8B30928A37A575ECEE061", StringComparison.Ordinal);
}
