using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using static DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Socket.SocketTestHelpers;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Socket;

/// <summary>
/// The socket calls as Bentley's own client makes them (iTwin/viewer-components-react,
/// packages/archive/infrastructure-iot/src/services/api/SocketService.ts and observations/ObservationService.ts):
/// projectIds on every call, getObservationsSummary by sensors, and no point dropped for arriving out of order.
/// </summary>
public sealed class SocketWireConformanceTests
{
    private const string SecondProjectSensor = "/fn/6C954F/node/dynamic/A1B2C3/device/rugged_troll_insitu_sde/sensor";
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetObservationsSummaryAsync_Sensors_SendsSensorsAndReadsTheMapKeyedBySensor()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        emu.SetSeries(ITwinIoTEmulator.TrollSensorId, Start, TimeSpan.FromMinutes(1), 10);
        await using var client = new ITwinIoTSocketClient(Options(emu));

        var summaries = await client.GetObservationsSummaryAsync([ITwinIoTEmulator.TrollSensorId, ITwinIoTEmulator.TiltSensorId]);

        Assert.Equal(2, summaries.Count);
        var troll = summaries[ITwinIoTEmulator.TrollSensorId];
        Assert.Equal(Start, Assert.Single(troll.First!.Points).Timestamp);
        Assert.Equal(Start.AddMinutes(9), Assert.Single(troll.Last!.Points).Timestamp);
        Assert.Equal(2, troll.Last.Points[0].Values!.Count);
        var request = JsonNode.Parse(emu.Requests.Snapshot().Single(r => r.Method == "getObservationsSummary").Body)!["params"]!.AsObject();
        Assert.Equal([ITwinIoTEmulator.TrollSensorId, ITwinIoTEmulator.TiltSensorId], request["sensors"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.False(request.ContainsKey("sensor"));
    }

    [Fact]
    public void SummaryObservations_DocumentedShape_ReadsTimestampAndValue()
    {
        // Shape read by ObservationService.getFirstReadingDateForSensor$: result[sensorId].first.observations = {ts: value}.
        var json = """{"/s/1/sensor":{"first":{"observations":{"2021-06-24T10:56:11.832Z":4.5}},"last":{"observations":{"2021-07-22T00:38:05.477Z":[1,2]}},"count":7}}""";

        var summaries = JsonSerializer.Deserialize(json, Internal.ITwinIoTJsonContext.Default.DictionaryStringObservationsSummary)!;

        var summary = summaries["/s/1/sensor"];
        Assert.Equal(new Observation(new DateTimeOffset(2021, 6, 24, 10, 56, 11, 832, TimeSpan.Zero), 4.5), Assert.Single(summary.First!.Points));
        Assert.Equal([1.0, 2.0], Assert.Single(summary.Last!.Points).Values!);
        Assert.True(summary.AdditionalProperties!.ContainsKey("count"));
    }

    [Fact]
    public async Task SocketCalls_ConfiguredProjectOtherThanDefault_ReachItsEntitiesBecauseEveryCallCarriesProjectIds()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var options = Options(emu);
        options.ProjectId = ITwinIoTEmulator.SecondProjectId;
        await using var client = new ITwinIoTSocketClient(options);

        var raw = await client.GetRawMetricsAsync(sensorIds: [SecondProjectSensor]);
        var metrics = await client.GetMetricsAsync([SecondProjectSensor]);
        var units = await client.GetUnitsAsync(["P_raw"]);
        var summary = await client.GetObservationsSummaryAsync([SecondProjectSensor]);
        var updated = await client.UpdateSensorAsync(SecondProjectSensor, new JsonObject { ["NAME"] = "renamed" });
        await using (var sensors = await client.SubscribeSensorsAsync([SecondProjectSensor]))
        await using (var data = await client.SubscribeDataAsync(new DataSubscriptionRequest([SecondProjectSensor], "P_raw", "kPa")))
        {
            var processed = await client.UploadDataAsync([new ObservationUpload(SecondProjectSensor, Start, new Dictionary<string, double> { ["P_raw"] = 101_000, ["T"] = 12 })]);
            Assert.Equal(1, processed);
        }

        Assert.Contains(raw[SecondProjectSensor], m => m.Id == "P_raw");
        Assert.NotEmpty(metrics[SecondProjectSensor]);
        Assert.NotEmpty(units["P_raw"]);
        Assert.True(summary.ContainsKey(SecondProjectSensor));
        Assert.Equal("renamed", updated.Props!.Name);
        var withoutProject = emu.Requests.Snapshot()
            .Where(r => r.Path == "/ws")
            .Select(r => JsonNode.Parse(r.Body)!.AsObject())
            .Where(m => m["method"]?.GetValue<string>() is not ("authenticate" or "time" or "unsubscribeSensors" or "unsubscribeData"))
            .Where(m => m["params"]?["projectIds"]?.AsArray().SingleOrDefault()?.GetValue<string>() != ITwinIoTEmulator.SecondProjectId)
            .Select(m => m["method"]!.GetValue<string>())
            .ToList();
        Assert.Empty(withoutProject);
    }

    [Fact]
    public async Task CreateDeviceAsync_RequestNamesAProject_SendsThatProjectNotTheDefault()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTSocketClient(Options(emu));

        var device = await client.CreateDeviceAsync(new CreateDeviceRequest("/fn/6C954F/node/dynamic/B00B00/device", "DYNAMIC", "/fn/6C954F/node") { ProjectId = ITwinIoTEmulator.SecondProjectId });

        Assert.Equal(ITwinIoTEmulator.SecondProjectId, device.Props!.ProjectId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task GetDataAsync_PointsNewestFirstInEachFrame_DeliversEveryPoint(int pointsPerFrame)
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { PointsPerFrame = pointsPerFrame, SendFramesOutOfOrder = true });
        emu.SetSeries(ITwinIoTEmulator.TiltSensorId, Start, TimeSpan.FromMinutes(1), 50);
        await using var client = new ITwinIoTSocketClient(Options(emu));

        var timestamps = await client.GetDataAsync(new DataQuery(ITwinIoTEmulator.TiltSensorId, "T", "C")).Select(o => o.Timestamp).ToListAsync();

        Assert.Equal(50, timestamps.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => Start.AddMinutes(i)), timestamps.Order());
    }

    [Fact]
    public async Task GetDataAsync_OutOfOrderFramesCutMidStream_ResumesWithEveryPointExactlyOnce()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { PointsPerFrame = 10, SendFramesOutOfOrder = true });
        emu.SetSeries(ITwinIoTEmulator.TiltSensorId, Start, TimeSpan.FromMinutes(1), 200);
        emu.Faults.Add(Fault.CloseWebSocketAfter(6), method: "getData");
        await using var client = new ITwinIoTSocketClient(Options(emu));

        var timestamps = await client.GetDataAsync(new DataQuery(ITwinIoTEmulator.TiltSensorId, "T", "C")).Select(o => o.Timestamp).ToListAsync();

        Assert.Equal(2, emu.Requests.Snapshot().Count(r => r.Method == "getData"));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => Start.AddMinutes(i)), timestamps.Order());
    }

    [Fact]
    public void ObservationFrameParser_OutOfOrderThenResume_KeepsEveryPointAndDropsOnlyTheRedeliveredOne()
    {
        var parser = new ObservationFrameParser(null, resumable: true);
        Assert.Null(parser.ResumePoint());

        var first = Timestamps(parser.Parse("""{"data":{"2024-01-01T00:00:03.000Z":3,"2024-01-01T00:00:01.000Z":1,"2024-01-01T00:00:02.000Z":2}}"""u8));
        var later = Timestamps(parser.Parse("""{"data":{"2024-01-01T00:00:00.000Z":0}}"""u8));
        var resumeAt = parser.ResumePoint();
        var resumed = Timestamps(parser.Parse("""{"data":{"2024-01-01T00:00:03.000Z":3,"2024-01-01T00:00:04.000Z":4,"2024-01-01T00:00:03.500Z":3.5}}"""u8));

        Assert.Equal([3, 1, 2], first);
        Assert.Equal([0], later);
        Assert.Equal(Start.AddSeconds(3), resumeAt);
        Assert.Equal([4, 3.5], resumed);
    }

    private static double[] Timestamps(Core.JsonRpc.JsonRpcFrame<SensorObservation[]> frame) =>
        [.. frame.Item!.Select(o => (o.Observation.Timestamp - Start).TotalSeconds)];
}
