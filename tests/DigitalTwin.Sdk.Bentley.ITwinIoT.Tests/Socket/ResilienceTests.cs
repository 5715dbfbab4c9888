using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.JsonRpc;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using static DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Socket.SocketTestHelpers;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Socket;

public sealed class ResilienceTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ConcurrentRequests_64OnOneSocket_EachGetsItsOwnAnswer()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { MaxResponseJitter = TimeSpan.FromMilliseconds(30) });
        await using var client = new ITwinIoTSocketClient(Options(emu));
        var ids = new[]
        {
            ITwinIoTEmulator.TiltSensorId,
            "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt1/sensor",
            "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt2/sensor",
            "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt3/sensor",
            ITwinIoTEmulator.TrollSensorId,
        };

        var calls = Enumerable.Range(0, 64).Select(async i =>
        {
            var id = ids[i % ids.Length];
            var sensors = await client.GetSensorsAsync([id]);
            return (Asked: id, Got: Assert.Single(sensors).Id);
        }).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(r.Asked, r.Got));
        Assert.Equal(1, emu.ConnectionCount);
        var requestIds = emu.Requests.Snapshot().Where(r => r.Method == "getSensors").Select(r => r.Body).ToList();
        Assert.Equal(64, requestIds.Count);
    }

    [Fact]
    public async Task GetDataAsync_MillionPoints_StreamsInBoundedMemoryWithBackPressure()
    {
        const int total = 1_000_000;
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { PointsPerFrame = 5_000 });
        emu.SetSeries(ITwinIoTEmulator.TiltSensorId, Start, TimeSpan.FromSeconds(1), total);
        var options = Options(emu);
        options.DataBufferFrames = 4;
        await using var client = new ITwinIoTSocketClient(options);

        var count = 0;
        var outOfSequence = 0;
        var previous = Start.AddSeconds(-1);
        long sentWhilePaused = -1;
        long memoryWhilePaused = 0;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        await foreach (var observation in client.GetDataAsync(new DataQuery(ITwinIoTEmulator.TiltSensorId, "ax", "deg")))
        {
            if (observation.Timestamp != previous.AddSeconds(1))
            {
                outOfSequence++;
            }

            previous = observation.Timestamp;
            count++;
            if (count == 50_000)
            {
                // A slow consumer: the server must be held back instead of the client buffering the series.
                await WaitUntilStableAsync(() => emu.DataPointsSent);
                sentWhilePaused = emu.DataPointsSent;
                memoryWhilePaused = GC.GetTotalMemory(forceFullCollection: true) - baseline;
            }
        }

        Assert.Equal(total, count);
        Assert.Equal(0, outOfSequence);
        Assert.Equal(Start.AddSeconds(total - 1), previous);
        Assert.InRange(sentWhilePaused, 50_000, 600_000);
        Assert.True(memoryWhilePaused < 64 * 1024 * 1024, $"Retained {memoryWhilePaused} bytes while paused.");
    }

    [Theory]
    [InlineData(ITwinIoTTransport.WebSocket)]
    [InlineData(ITwinIoTTransport.Tcp)]
    public async Task GetDataAsync_SocketDroppedMidStream_ResumesWithoutGapOrDuplicate(ITwinIoTTransport transport)
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { PointsPerFrame = 100, SeededObservationsPerSensor = 1_000 });
        emu.SetSeries(ITwinIoTEmulator.TiltSensorId, Start, TimeSpan.FromMinutes(1), 2_000);
        emu.Faults.Add(Fault.CloseWebSocketAfter(7), method: "getData");
        await using var client = new ITwinIoTSocketClient(Options(emu, transport));

        var timestamps = new List<DateTimeOffset>();
        await foreach (var observation in client.GetDataAsync(new DataQuery(ITwinIoTEmulator.TiltSensorId, "dx", "mm")))
        {
            timestamps.Add(observation.Timestamp);
        }

        Assert.Equal(2_000, timestamps.Count);
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => Start.AddMinutes(i)), timestamps);
        Assert.Equal(2, emu.ConnectionCount);
        Assert.Equal(2, emu.Authentications);
        var getData = emu.Requests.Snapshot().Where(r => r.Method == "getData").ToList();
        Assert.Equal(2, getData.Count);
        Assert.DoesNotContain("startDate", getData[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"startDate\":\"2024-01-01T11:39:00.000Z\"", getData[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribeDataAsync_SocketDropped_ResubscribesAndNotificationsContinue()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));
        var states = new List<JsonRpcConnectionState>();
        client.StateChanged += (_, e) => { lock (states) { states.Add(e.Current); } };
        await using var subscription = await client.SubscribeDataAsync(new DataSubscriptionRequest([ITwinIoTEmulator.TiltSensorId], "T", "C"));
        await using var notifications = subscription.GetAsyncEnumerator();
        await WaitUntilAsync(() => emu.DataSubscriptionCount == 1);

        await emu.PublishObservationAsync(ITwinIoTEmulator.TiltSensorId, Start, new Dictionary<string, double> { ["T"] = 21.5 });
        Assert.True(await notifications.MoveNextAsync());
        var before = notifications.Current;

        emu.DropConnections();
        await WaitUntilAsync(() => subscription.ResubscribeCount == 1 && emu.DataSubscriptionCount == 1);
        await emu.PublishObservationAsync(ITwinIoTEmulator.TiltSensorId, Start.AddMinutes(1), new Dictionary<string, double> { ["T"] = 22.5 });
        Assert.True(await notifications.MoveNextAsync());
        var after = notifications.Current;

        Assert.Equal(new SensorObservation(ITwinIoTEmulator.TiltSensorId, new Observation(Start, 21.5)), before);
        Assert.Equal(new SensorObservation(ITwinIoTEmulator.TiltSensorId, new Observation(Start.AddMinutes(1), 22.5)), after);
        Assert.Equal(2, emu.Requests.Snapshot().Count(r => r.Method == "subscribeData"));
        Assert.Equal(2, emu.Authentications);
        lock (states)
        {
            Assert.Contains(JsonRpcConnectionState.Reconnecting, states);
            Assert.Equal(JsonRpcConnectionState.Connected, states[^1]);
        }
    }

    [Fact]
    public async Task InFlightCall_SocketDropped_FailsWithConnectionLostInsteadOfHanging_NextCallReconnects()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        emu.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(30)), method: "time");
        await using var client = new ITwinIoTSocketClient(Options(emu));
        await client.ConnectAsync();

        var pending = client.GetTimeAsync();
        await WaitUntilAsync(() => emu.Requests.Snapshot().Any(r => r.Method == "time"));
        emu.DropConnections();

        await Assert.ThrowsAsync<ConnectionLostException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
        var sensors = await client.GetSensorsAsync([ITwinIoTEmulator.TiltSensorId]);
        Assert.Single(sensors);
        Assert.Equal(2, emu.ConnectionCount);
    }

    [Fact]
    public async Task Reconnect_WhenServerRefusesEveryAttempt_ClosesForGoodAndFailsWaitingCalls()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var options = Options(emu);
        options.MaxReconnectAttempts = 2;
        await using var client = new ITwinIoTSocketClient(options);
        await client.ConnectAsync();
        emu.Faults.Add(Fault.Status(503), pathPrefix: "/", times: 10);

        emu.DropConnections();
        var error = await Assert.ThrowsAsync<ConnectionLostException>(() => client.Completion.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(JsonRpcConnectionState.Closed, client.State);
        await Assert.ThrowsAsync<ConnectionLostException>(() => client.GetTimeAsync());
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task UploadInBatchesAsync_ReportsAcceptedPerBatch_AndFeedsGetData()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));
        var uploads = Enumerable.Range(0, 25)
            .Select(i => new ObservationUpload(i == 12 ? "/fn/NOPE/node/x/1/device/y/sensor" : ITwinIoTEmulator.TrollSensorId, Start.AddMinutes(i), new Dictionary<string, double> { ["P_raw"] = 100_000 + i }))
            .ToList();

        var results = await client.UploadInBatchesAsync(uploads, batchSize: 10).ToListAsync();
        var stored = await client.GetDataAsync(new DataQuery(ITwinIoTEmulator.TrollSensorId, "P_raw", "kPa") { StartDate = Start }).ToListAsync();

        Assert.Equal([10, 10, 5], results.Select(r => r.Sent));
        Assert.Equal([10, 9, 5], results.Select(r => r.Accepted));
        Assert.Equal([0L, 10L, 20L], results.Select(r => r.FirstItemIndex));
        Assert.Equal(24, stored.Count);
        Assert.Equal(100.0, stored[0].Value, 6);
    }

    [Fact]
    public async Task KeepAlive_Unanswered_ReopensTheSocket()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var options = Options(emu);
        options.KeepAliveInterval = TimeSpan.FromMilliseconds(50);
        options.KeepAliveTimeout = TimeSpan.FromMilliseconds(200);
        await using var client = new ITwinIoTSocketClient(options);
        await client.ConnectAsync();

        emu.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(30)), method: "time");
        await WaitUntilAsync(() => emu.ConnectionCount == 2 && client.State == JsonRpcConnectionState.Connected);

        Assert.Equal(2, emu.Authentications);
        Assert.Single(await client.GetSensorsAsync([ITwinIoTEmulator.TiltSensorId]));
    }

    [Fact]
    public async Task CallDuringReconnect_WaitsForTheNewSocket()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var options = Options(emu);
        options.ReconnectDelay = TimeSpan.FromMilliseconds(300);
        options.MaxReconnectDelay = TimeSpan.FromSeconds(1);
        await using var client = new ITwinIoTSocketClient(options);
        await client.ConnectAsync();
        emu.Faults.Add(Fault.Status(503), pathPrefix: "/", times: 1);

        emu.DropConnections();
        await WaitUntilAsync(() => client.State == JsonRpcConnectionState.Reconnecting);
        var time = await client.GetTimeAsync();

        Assert.NotEqual(default, time);
        Assert.Equal(JsonRpcConnectionState.Connected, client.State);
        Assert.Equal(2, emu.Authentications);
    }
}
