using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using DigitalTwin.Sdk.Core;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DigitalTwin.Sdk.Contract.Tests.ITwinIoT;

/// <summary>
/// iTwin IoT REST (iiot.bentley.com/api) against stubs built from the literal requests and responses of the vendor
/// document (shared/vendor-docs/bentley-itwin-iot-api.txt, [IOT] in docs/wire-conformance.md) and of Bentley's own
/// client (iTwin/viewer-components-react, packages/archive/infrastructure-iot, [VCR]).
/// </summary>
[Trait("Category", "Contract")]
public sealed class ITwinIoTRestContractTests : IDisposable
{
    private const string ApiKey = "A8345HJBWW45939KUIYB";
    private const string Project = "60F8B30928A37A575ECEE061";
    private const string Asset = "6ee68656-ce20-452c-a4e6-b6b3a3b55537";

    // [IOT] "Working With Entities" getSensors response: the tilt4 sensor.
    private const string SensorJson = """{"id":"/fn/6C4F6D/node/dgsimlogger/032432/device/tilt4/sensor","device":"/fn/6C4F6D/node/dgsimlogger/032432/device","type":"TILT_BIAXIAL_DGSI","props":{"ACCESSIBLE":true,"NAME":"North Sector Tilt 2-2","NODE_ID":"/fn/6C4F6D/node","OBSERVATION_COUNT":2208,"PROJECT_ID":"60F8B30928A37A575ECEE061"}}""";

    private readonly ContractServer _server = new();

    public void Dispose() => _server.Dispose();

    // [IOT] "iTwin IoT Platform REST API / Getting Started": GET /api/sensors/all?pageSize=100&projectIds=… with
    // Authorization: ApiKey; [VCR] SearchQueryModel.getQueryParams adds pageNumber (from 0) and reads a bare array.
    [Fact]
    public async Task GetSensorsAsync_DocumentedRequest_ReadsTheBareArrayPage()
    {
        Stub(Get("/api/sensors/all").WithParam("pageNumber", "0").WithParam("pageSize", "100").WithParam("projectIds", Project), 200, "[" + SensorJson + "]");
        await using var client = Client();

        var sensors = await client.Rest.GetSensorsAsync().ToListAsync();

        Assert.Equal("North Sector Tilt 2-2", Assert.Single(sensors).Props!.Name);
        Verify();
    }

    // [IOT] "Project Management / REST Requests": GET /nodes/all?projectIds={projectId}; page shape as [VCR].
    [Fact]
    public async Task GetNodesAsync_DocumentedRequest_ReadsTheBareArrayPage()
    {
        Stub(Get("/api/nodes/all").WithParam("pageNumber", "0").WithParam("pageSize", "100").WithParam("projectIds", Project), 200, """[{"id":"/fn/6C4F6D/node","type":"THREAD","props":{"NAME":"North Sector THREAD #1","PROJECT_ID":"60F8B30928A37A575ECEE061"}}]""");
        await using var client = Client();

        var nodes = await client.Rest.GetNodesAsync().ToListAsync();

        Assert.Equal("/fn/6C4F6D/node", Assert.Single(nodes).Id);
        Verify();
    }

    // [IOT] "Project Management / REST Requests": GET /devices/all?projectIds={projectId}; page shape as [VCR].
    [Fact]
    public async Task GetDevicesAsync_DocumentedRequest_ReadsTheBareArrayPage()
    {
        Stub(Get("/api/devices/all").WithParam("pageNumber", "0").WithParam("pageSize", "100").WithParam("projectIds", Project), 200, """[{"id":"/fn/6C4F6D/node/dgsimlogger/032432/device","type":"DGSI_M_LOGGER","props":{"NAME":"North Sector Logger 2","NODE_ID":"/fn/6C4F6D/node"}}]""");
        await using var client = Client();

        var devices = await client.Rest.GetDevicesAsync().ToListAsync();

        Assert.Equal("DGSI_M_LOGGER", Assert.Single(devices).Type);
        Verify();
    }

    // [IOT] "Project Management / REST Requests": GET /documents?projectIds=… (response shape not shown: raw JSON).
    [Fact]
    public async Task GetDocumentsAsync_DocumentedRequest_ReturnsTheRawAnswer()
    {
        Stub(Get("/api/documents").WithParam("projectIds", Project), 200, """[{"id":"doc-1"}]""");
        await using var client = Client();

        var documents = await client.Rest.GetDocumentsAsync();

        Assert.Equal(1, documents.GetArrayLength());
        Verify();
    }

    // [IOT] "Project Management / REST Requests": GET /profiles?projectIds=….
    [Fact]
    public async Task GetProfilesAsync_DocumentedRequest_ReturnsTheRawAnswer()
    {
        Stub(Get("/api/profiles").WithParam("projectIds", Project), 200, "[]");
        await using var client = Client();

        var profiles = await client.Rest.GetProfilesAsync();

        Assert.Equal(0, profiles.GetArrayLength());
        Verify();
    }

    // [IOT] "Project Management / REST Requests": GET /projects/{projectId}, DELETE /projects/{projectId}, GET /projects/{projectId}/dataUsage.
    [Fact]
    public async Task ProjectRequests_DocumentedPaths_AreSentAsShown()
    {
        Stub(Get("/api/projects/" + Project), 200, """{"id":"60F8B30928A37A575ECEE061"}""");
        Stub(Get("/api/projects/" + Project + "/dataUsage"), 200, """{"observationCount":1}""");
        Stub(Request.Create().WithPath("/api/projects/" + Project).UsingDelete().WithHeader("Authorization", "ApiKey " + ApiKey), 204, null);
        await using var client = Client();

        var project = await client.Rest.GetProjectAsync(Project);
        var usage = await client.Rest.GetProjectDataUsageAsync(Project);
        await client.Rest.DeleteProjectAsync(Project);

        Assert.Equal(Project, project.GetProperty("id").GetString());
        Assert.Equal(1, usage.GetProperty("observationCount").GetInt32());
        Verify();
    }

    // [IOT] "Sensor Data Service / Create Connection, Device(s), and Sensor(s)": the literal curl request (body and projectIds).
    [Fact]
    public async Task IntegrateAsync_DocumentedExample_SendsTheLiteralBody()
    {
        const string body = """{"integration":{"changeState":"new","devices":[{"changeState":"new","props":{"INTEGRATION_ID":"IMPORT_DEVICE_SDE","NAME":"Device-1"},"sensors":[{"changeState":"new","props":{"INTEGRATION_ID":"GENERIC_SENSOR_SDE","NAME":"Sensor-1","UNKNOWN_UNITS":{"0":"millimeter","1":"millimeter"},"UNKNOWN_METRICS":{"0":"Alignment_Left_SD","1":"Alignment_Right_SD"}}},{"changeState":"new","props":{"INTEGRATION_ID":"GENERIC_SENSOR_SDE","NAME":"Sensor-2","UNKNOWN_UNITS":{"0":"millimeter","1":"millimeter"},"UNKNOWN_METRICS":{"0":"Alignment_Left_SD","1":"Alignment_Right_SD"}}}]}]}}""";
        Stub(Request.Create().WithPath("/api/integrations/integrate").UsingPost().WithParam("projectIds", Asset).WithHeader("Authorization", "ApiKey " + ApiKey).WithBody(new JsonMatcher(body)), 200, """{"integration":{"node":{"id":"/api/95A09D/node","type":"DYNAMIC","props":{"SERIAL_NO":"95A09D"}},"devices":[]}}""");
        await using var client = Client(project: Asset);
        JsonObject Sensor(string name) => new() { ["INTEGRATION_ID"] = "GENERIC_SENSOR_SDE", ["NAME"] = name, ["UNKNOWN_UNITS"] = new JsonObject { ["0"] = "millimeter", ["1"] = "millimeter" }, ["UNKNOWN_METRICS"] = new JsonObject { ["0"] = "Alignment_Left_SD", ["1"] = "Alignment_Right_SD" } };

        var result = await client.Rest.IntegrateAsync(new IntegrationRequest
        {
            ChangeState = "new",
            Devices =
            [
                new IntegrationDevice
                {
                    Props = new JsonObject { ["INTEGRATION_ID"] = "IMPORT_DEVICE_SDE", ["NAME"] = "Device-1" },
                    Sensors = [new IntegrationSensor { Props = Sensor("Sensor-1") }, new IntegrationSensor { Props = Sensor("Sensor-2") }],
                },
            ],
        });

        Assert.Equal("/api/95A09D/node", result.Node!.Id);
        Verify();
    }

    // [IOT] "Get Connection, Device(s) and Sensor(s)": POST https://iiot.bentley.com/api/integrations//api/13DC2F/node, empty body.
    [Fact]
    public async Task GetIntegrationAsync_DocumentedExample_KeepsTheNodeIdSlashes()
    {
        Stub(Request.Create().WithPath("/api/integrations//api/13DC2F/node").UsingPost().WithHeader("Authorization", "ApiKey " + ApiKey), 200, """{"integration":{"node":{"props":{"SERIAL_NO":"13DC2F","PROJECT_ID":"65CB51CE8E199448BB4D4BDA"},"id":"/api/13DC2F/node","type":"DYNAMIC"},"devices":[]}}""");
        await using var client = Client();

        var result = await client.Rest.GetIntegrationAsync("/api/13DC2F/node");

        Assert.Equal("/api/13DC2F/node", result.Node!.Id);
        Verify();
    }

    // [IOT] "Upload Sensor Observations": the literal request (trailing comma of the doc's array left out) and its 202 answer.
    [Fact]
    public async Task UploadObservationsAsync_DocumentedExample_SendsTheLiteralBodyAndReadsAccepted()
    {
        Stub(Post("/api/data/upload", """{"observations":[{"sensorId":"/api/B08851/node/dynamic/AB10E2/device/D76619/sensor","timestamp":"2024-02-20T04:35:23.653Z","values":{"Alignment_Left_SD":0.23,"Alignment_Right_SD":0.84}}]}"""), 202, """{"status":"ACCEPTED"}""");
        await using var client = Client();

        var status = await client.Rest.UploadObservationsAsync(
            [new ObservationUpload("/api/B08851/node/dynamic/AB10E2/device/D76619/sensor", DateTimeOffset.Parse("2024-02-20T04:35:23.653Z", System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, double> { ["Alignment_Left_SD"] = 0.23, ["Alignment_Right_SD"] = 0.84 })]);

        Assert.Equal("ACCEPTED", status);
        Verify();
    }

    // [IOT] "Upload Sensor Observations", Example Response (400 Bad Request): {"errors": [{"message", "path"}]}.
    [Fact]
    public async Task UploadObservationsAsync_Documented400_KeepsTheErrorPath()
    {
        Stub(Request.Create().WithPath("/api/data/upload").UsingPost().WithHeader("Authorization", "ApiKey " + ApiKey), 400, """{"errors":[{"message":"must not be empty","path":"observations"}]}""");
        await using var client = Client();

        var error = await Assert.ThrowsAsync<DigitalTwinApiException>(() => client.Rest.UploadObservationsAsync(
            [new ObservationUpload("/api/B08851/node/dynamic/AB10E2/device/D76619/sensor", DateTimeOffset.UnixEpoch.AddYears(54), new Dictionary<string, double> { ["x"] = 1 })]));

        var detail = Assert.Single(error.Info.Errors);
        Assert.Equal("observations", detail.Target);
        Assert.Equal("must not be empty", detail.Detail);
        Verify();
    }

    // [IOT] "Choose Device Template": GET /api/devices/types?excludeLegacy=true.
    [Fact]
    public async Task GetDeviceTypesAsync_DocumentedRequest_ReadsTemplates()
    {
        Stub(Get("/api/devices/types").WithParam("excludeLegacy", "true"), 200, """{"deviceTypes":[{"id":"IMPORT_DEVICE_SDE","name":"Import Device"}]}""");
        await using var client = Client();

        var types = await client.Rest.GetDeviceTypesAsync();

        Assert.Equal("IMPORT_DEVICE_SDE", Assert.Single(types).Id);
        Verify();
    }

    // [IOT] "Choose Sensor Template": GET /api/sensors/types?excludeLegacy=true (the example spells the key " sensorTypes").
    [Fact]
    public async Task GetSensorTypesAsync_DocumentedRequest_ReadsTemplates()
    {
        Stub(Get("/api/sensors/types").WithParam("excludeLegacy", "true"), 200, """{" sensorTypes":[{"id":"GENERIC_SENSOR_SDE","name":"GENERIC_SENSOR_SDE"}]}""");
        await using var client = Client();

        var types = await client.Rest.GetSensorTypesAsync();

        Assert.Equal("GENERIC_SENSOR_SDE", Assert.Single(types).Id);
        Verify();
    }

    // [IOT] "Metrics and Units": GET /api/metrics/types?excludeLegacy=true.
    [Fact]
    public async Task GetMetricTypesAsync_DocumentedRequest_ReadsTheCatalogue()
    {
        Stub(Get("/api/metrics/types").WithParam("excludeLegacy", "true"), 200, """{"standard":true,"metrics":[{"metric":"T","id":"T","displayName":"Temperature","defaultUnit":"C","units":[{"unit":"C","id":"C","displayName":"celsius","notation":"°C"}]}]}""");
        await using var client = Client();

        var catalogue = await client.Rest.GetMetricTypesAsync();

        Assert.Equal("T", Assert.Single(catalogue.Metrics).Id);
        Verify();
    }

    // [IOT] "Obtain Required Metrics and Supported Units For a Sensor": the literal curl request and response.
    [Fact]
    public async Task GetSensorMetricsAsync_DocumentedExample_SendsIdsAndReadsMetricsBySensor()
    {
        Stub(
            Request.Create().WithPath("/api/sensors/metrics").UsingPost().WithParam("projectIds", Asset).WithParam("filters", "raw").WithHeader("Authorization", "ApiKey " + ApiKey)
                .WithBody(new JsonMatcher("""{"ids":["/api/B08851/node/dynamic/AB10E2/device/D76619/sensor"]}""")),
            200,
            """{"metricsBySensor":{"/api/13DC2F/node/dynamic/AB10E2/device/D76619/sensor":[{"defaultUnit":"millimeter","hidden":false,"displayName":"Alignment_Left_SD","notation":"Alignment_Left_SD","name":"Alignment_Left_SD","id":"Alignment_Left_SD","units":[{"notation":"millimeter","name":"millimeter","id":"millimeter"}]}]}}""");
        await using var client = Client(project: Asset);

        var metrics = await client.Rest.GetSensorMetricsAsync(["/api/B08851/node/dynamic/AB10E2/device/D76619/sensor"]);

        Assert.Equal("Alignment_Left_SD", Assert.Single(metrics["/api/13DC2F/node/dynamic/AB10E2/device/D76619/sensor"]).Id);
        Verify();
    }

    private ITwinIoTClient Client(string project = Project) => new(new ITwinIoTOptions
    {
        RestBaseUrl = _server.BaseUri,
        WebSocketUrl = new Uri("ws://127.0.0.1:1/"),
        ApiKey = ApiKey,
        ProjectId = project,
    });

    private static IRequestBuilder Get(string path) =>
        Request.Create().WithPath(path).UsingGet().WithHeader("Authorization", "ApiKey " + ApiKey);

    private static IRequestBuilder Post(string path, string json) =>
        Request.Create().WithPath(path).UsingPost().WithHeader("Authorization", "ApiKey " + ApiKey).WithBody(new JsonMatcher(json));

    private void Stub(IRequestBuilder request, int status, string? body)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        _server.Server.Given(request).RespondWith(response);
    }

    private void Verify()
    {
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }
}
