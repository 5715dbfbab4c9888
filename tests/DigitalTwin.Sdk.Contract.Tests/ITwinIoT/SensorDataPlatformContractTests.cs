using System.Globalization;
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
/// The iTwin Platform Sensor Data API (api.bentley.com/sensor-data) against stubs built from the literal examples of
/// developer.bentley.com/apis/sensor-data/operations/… ([SD-OPS] etc. in docs/wire-conformance.md) and the IMS token
/// request of the tutorial "Create, update and remove devices and sensors" ([SD-TUT]).
/// </summary>
[Trait("Category", "Contract")]
public sealed class SensorDataPlatformContractTests : IDisposable
{
    private const string PlatformAccept = "application/vnd.bentley.itwin-platform.v1+json";
    private const string ITwinId = "61F467B3BEED067739E0E055";
    private const string Token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.c2ln";
    private const string VibrometerSensor = "/dynamic/CFE5CC/node/omnidots/105/device/vibrometer_sensor_no_pvs_sde/sensor";

    private readonly ContractServer _server = new();

    public void Dispose() => _server.Dispose();

    // [SD-TUT] "Authorize your requests": client credentials with scope=itwin-platform (the SDK's default scope).
    // [SD-NODES] GET /sensor-data/integrations/nodes?iTwinId, Bearer token, Accept application/vnd.bentley.itwin-platform.v1+json; the 200 example.
    [Fact]
    public async Task GetNodesAsync_GetNodesExample_SendsITwinIdWithTheDefaultScopeToken()
    {
        _server.Server.Given(Request.Create().WithPath("/connect/token").UsingPost()
                .WithBody(new FormUrlEncodedMatcher(["grant_type=client_credentials", "client_id=my-client", "client_secret=my-secret", "scope=itwin-platform"])))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($$"""{"access_token":"{{Token}}","token_type":"Bearer","expires_in":3600}"""));
        Stub(
            Platform("/sensor-data/integrations/nodes").UsingGet().WithParam("iTwinId", ITwinId),
            200,
            """{"nodes":[{"props":{"SERIAL_NO":"CA90CC","OBSERVATION_COUNT":55507,"SIZE":1,"ACCESSIBLE":true,"CREATION_DATE":"2023-03-01T21:51:28.667Z","NODE_ID":"CREATE_NEW_NODE","INTEGRATION_ID":"DEMO_NODE_SDE","TYPE":"DEMO_LOAD_CELL_SDE","PROJECT_ID":"61F467B3BEED067739E0E055","NAME":"Connection CA90CC"},"id":"/dev/CA90CC/node","type":"DYNAMIC"}]}""");
        await using var client = Client();

        var nodes = await client.Rest.GetNodesAsync().ToListAsync();

        var node = Assert.Single(nodes);
        Assert.Equal("/dev/CA90CC/node", node.Id);
        Assert.Equal(55507, node.Props!.ObservationCount);
        Verify();
    }

    // [SD-NODES] Response 404: {"error": {"code": "ResourceNotFound", …, "target": "projectIds"}}.
    [Fact]
    public async Task GetNodesAsync_GetNodes404_KeepsCodeAndTarget()
    {
        Stub(Platform("/sensor-data/integrations/nodes").UsingGet().WithParam("iTwinId", ITwinId), 404, """{"error":{"code":"ResourceNotFound","message":"Requested resource is not available.","target":"projectIds"}}""", token: true);
        await using var client = Client();

        var error = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(async () => await client.Rest.GetNodesAsync().ToListAsync());

        Assert.Equal("ResourceNotFound", error.Info.ErrorCode);
        Assert.Equal("projectIds", Assert.Single(error.Info.Errors).Target);
        Verify();
    }

    // [SD-INTEGRATE] POST /sensor-data/integrations/integrate: the request example (nodeId and the first device sensor);
    // iTwinId as the query parameter [SD-TUT] "Request parameters … iTwinId Yes"; the 200 example's node.
    [Fact]
    public async Task IntegrateAsync_ProcessIntegrationExample_SendsITwinIdAndTheLiteralBody()
    {
        Stub(
            Platform("/sensor-data/integrations/integrate").UsingPost().WithParam("iTwinId", ITwinId)
                .WithBody(new JsonMatcher("""{"integration":{"nodeId":"/api/95A09D/node","devices":[{"changeState":"new","refId":"RefId","props":{"INTEGRATION_ID":"DEMO_DEVICE_SDE","NAME":"Generic Device"},"sensors":[{"changeState":"new","refId":"RefId1","props":{"INTEGRATION_ID":"GENERIC_SENSOR_SDE","NAME":"Generic vibration sensor"}}]}]}}""")),
            200,
            """{"integration":{"node":{"props":{"SERIAL_NO":"95A09D","CREATION_DATE":"2024-02-06T05:26:29Z","INTEGRATION_ID":"NODE_API_SDE","PROJECT_ID":"6295B89C93266401FA614392","NAME":"Data Source API Import 95A09D"},"id":"/api/95A09D/node","type":"DYNAMIC"},"devices":[]}}""",
            token: true);
        await using var client = Client();

        var result = await client.Rest.IntegrateAsync(new IntegrationRequest
        {
            NodeId = "/api/95A09D/node",
            Devices =
            [
                new IntegrationDevice
                {
                    RefId = "RefId",
                    Props = new JsonObject { ["INTEGRATION_ID"] = "DEMO_DEVICE_SDE", ["NAME"] = "Generic Device" },
                    Sensors = [new IntegrationSensor { RefId = "RefId1", Props = new JsonObject { ["INTEGRATION_ID"] = "GENERIC_SENSOR_SDE", ["NAME"] = "Generic vibration sensor" } }],
                },
            ],
        });

        Assert.Equal("Data Source API Import 95A09D", result.Node!.Props!.Name);
        Verify();
    }

    // [SD-QUERY] POST /sensor-data/data/observations: the request example and the start of the 200 example.
    [Fact]
    public async Task GetRawObservationsAsync_QueryRawDataExample_SendsTheLiteralBody()
    {
        Stub(
            Platform("/sensor-data/data/observations").UsingPost().WithBody(new JsonMatcher($$"""{"sensorId":"{{VibrometerSensor}}","startDate":"2023-10-05T07:39:25Z","endDate":"2023-10-06T07:39:47Z"}""")),
            200,
            $$$"""{"sensor":"{{{VibrometerSensor}}}","sensorName":"CUTEJU","metricsAndUnits":{"standard":true,"metrics":[{"metric":"ppv_x","id":"ppv_x","displayName":"ν Peak Particle X","defaultUnit":"inps","units":[{"unit":"mps","id":"mps","displayName":"meter per second","notation":"m/s"}]}]}}""",
            token: true);
        await using var client = Client();

        var result = await client.Rest.GetRawObservationsAsync(new RawObservationsQuery(VibrometerSensor) { StartDate = Date("2023-10-05T07:39:25Z"), EndDate = Date("2023-10-06T07:39:47Z") });

        Assert.Equal("CUTEJU", result.SensorName);
        Assert.Equal("ppv_x", result.MetricsAndUnits!.Value.GetProperty("metrics")[0].GetProperty("id").GetString());
        Verify();
    }

    // [SD-REMOVE] DELETE /sensor-data/data/observations: the request example and its 202 {"status": "ACCEPTED"}.
    [Fact]
    public async Task DeleteObservationsAsync_RemoveDataExample_SendsTheLiteralBody()
    {
        Stub(
            Platform("/sensor-data/data/observations").UsingDelete().WithBody(new JsonMatcher($$"""{"sensorId":"{{VibrometerSensor}}","startDate":"2023-10-05T07:39:25Z","endDate":"2023-10-06T07:39:47Z"}""")),
            202,
            """{"status":"ACCEPTED"}""",
            token: true);
        await using var client = Client();

        var status = await client.Rest.DeleteObservationsAsync(new RemoveObservationsRequest(VibrometerSensor) { StartDate = Date("2023-10-05T07:39:25Z"), EndDate = Date("2023-10-06T07:39:47Z") });

        Assert.Equal("ACCEPTED", status);
        Verify();
    }

    // [SD-UPLOAD] POST /sensor-data/data/upload: the request example and its 202 {"status": "ACCEPTED"}.
    [Fact]
    public async Task UploadObservationsAsync_UploadDataExample_SendsTheLiteralBody()
    {
        Stub(
            Platform("/sensor-data/data/upload").UsingPost().WithBody(new JsonMatcher("""{"observations":[{"sensorId":"/api/023C74/node/dynamic/C137D3/device/D6FAC4/sensor","timestamp":"2023-10-09T08:31:29Z","values":{"raw_value":10}}]}""")),
            202,
            """{"status":"ACCEPTED"}""",
            token: true);
        await using var client = Client();

        var status = await client.Rest.UploadObservationsAsync([new ObservationUpload("/api/023C74/node/dynamic/C137D3/device/D6FAC4/sensor", Date("2023-10-09T08:31:29Z"), new Dictionary<string, double> { ["raw_value"] = 10 })]);

        Assert.Equal("ACCEPTED", status);
        Verify();
    }

    // [SD-OPS] lists only five operations: anything else is refused before sending (no request reaches the server).
    [Fact]
    public async Task UnpublishedOperations_ITwinPlatform_ThrowNotSupportedWithoutSending()
    {
        await using var client = Client();

        Assert.Throws<NotSupportedException>(() => client.Rest.GetSensorsAsync());
        await Assert.ThrowsAsync<NotSupportedException>(() => client.Rest.GetSensorMetricsAsync(["/a/1/node/b/2/device/c/sensor"]));
        await Assert.ThrowsAsync<NotSupportedException>(() => client.Rest.GetIntegrationAsync("/api/13DC2F/node"));

        Assert.Empty(_server.Server.LogEntries);
    }

    private static DateTimeOffset Date(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static IRequestBuilder Platform(string path) =>
        Request.Create().WithPath(path).WithHeader("Authorization", "Bearer " + Token).WithHeader("Accept", PlatformAccept);

    private ITwinIoTClient Client() => new(new ITwinIoTOptions
    {
        RestBaseUrl = _server.BaseUri,
        RestApi = ITwinIoTRestApi.ITwinPlatform,
        WebSocketUrl = new Uri("ws://127.0.0.1:1/"),
        TokenUrl = _server.At("connect/token"),
        ClientId = "my-client",
        ClientSecret = "my-secret",
        ProjectId = ITwinId,
    });

    private void Stub(IRequestBuilder request, int status, string body, bool token = false)
    {
        if (token)
        {
            _server.Server.Given(Request.Create().WithPath("/connect/token").UsingPost())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($$"""{"access_token":"{{Token}}","token_type":"Bearer","expires_in":3600}"""));
        }

        _server.Server.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    private void Verify()
    {
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }
}
