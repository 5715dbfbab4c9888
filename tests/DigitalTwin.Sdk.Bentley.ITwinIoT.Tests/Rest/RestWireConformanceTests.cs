using System.Net;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Rest;

/// <summary>
/// REST as the sources show it: /all listings paged by pageNumber/pageSize with bare arrays (Bentley's own client,
/// viewer-components-react infrastructure-iot SearchQueryModel.ts/EntityService.ts), the iTwin Platform Sensor Data
/// operations with iTwinId (developer.bentley.com Sensor Data pages), Sensor Data errors with their path.
/// </summary>
public sealed class RestWireConformanceTests
{
    private static ITwinIoTOptions Options(ITwinIoTEmulator emu, ITwinIoTRestApi api = ITwinIoTRestApi.ITwinIoT, int pageSize = 2) => new()
    {
        RestBaseUrl = emu.BaseUri,
        WebSocketUrl = emu.WebSocketUri,
        ApiKey = emu.ApiKey,
        ProjectId = emu.Options.DefaultProjectId,
        RestApi = api,
        PageSize = pageSize,
    };

    [Fact]
    public async Task GetSensorsAsync_MoreSensorsThanAPage_WalksPageNumbersUntilAShortPage()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(Options(emu));

        var sensors = await client.Rest.GetSensorsAsync().ToListAsync();

        Assert.Equal(5, sensors.Count);
        Assert.Equal(5, sensors.Select(s => s.Id).Distinct().Count());
        var queries = emu.Requests.ForPath("/api/sensors/all").Select(r => r.QueryString).ToList();
        Assert.Equal(
            [
                "?pageNumber=0&pageSize=2&projectIds=60F8B30928A37A575ECEE061",
                "?pageNumber=1&pageSize=2&projectIds=60F8B30928A37A575ECEE061",
                "?pageNumber=2&pageSize=2&projectIds=60F8B30928A37A575ECEE061",
            ],
            queries);
    }

    [Theory]
    [InlineData("""{"items":[],"nextCursor":null}""")]
    [InlineData("""{"data":[{"id":"/a/1/node"}]}""")]
    [InlineData("null")]
    public async Task GetNodesAsync_PageIsNotAnArray_ThrowsInvalidResponseInsteadOfAnEmptyList(string body)
    {
        await using var server = await StubServer.StartAsync("/api/nodes/all", 200, body);
        await using var client = new ITwinIoTClient(new ITwinIoTOptions { RestBaseUrl = server.BaseUri, ApiKey = "key" });

        await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(async () => await client.Rest.GetNodesAsync().ToListAsync());
    }

    [Fact]
    public async Task UploadObservationsAsync_ServiceRefusesAnObservation_KeepsTheErrorPath()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(Options(emu));

        var error = await Assert.ThrowsAsync<DigitalTwinApiException>(() => client.Rest.UploadObservationsAsync(
        [
            new ObservationUpload(ITwinIoTEmulator.TiltSensorId, DateTimeOffset.UtcNow, new Dictionary<string, double> { ["T"] = 1 }),
            new ObservationUpload("/no/such/node/x/1/device/y/sensor", DateTimeOffset.UtcNow, new Dictionary<string, double> { ["T"] = 1 }),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, error.Info.StatusCode);
        Assert.Equal("observations[1].sensorId", Assert.Single(error.Info.Errors).Target);
    }

    [Fact]
    public async Task IntegrateAsync_ITwinPlatform_SendsITwinIdNotProjectIds()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(Options(emu, ITwinIoTRestApi.ITwinPlatform));
        var integration = new IntegrationRequest
        {
            ChangeState = "new",
            Devices = [new IntegrationDevice { ChangeState = "new", RefId = "d-1", Props = new JsonObject { ["INTEGRATION_ID"] = "IMPORT_DEVICE_SDE" } }],
        };

        var result = await client.Rest.IntegrateAsync(integration);

        Assert.NotNull(result.Node);
        Assert.Equal("?iTwinId=60F8B30928A37A575ECEE061", emu.Requests.ForPath("/sensor-data/integrations/integrate")[0].QueryString);
    }

    [Fact]
    public async Task Emulator_ITwinPlatformIntegrateWithProjectIds_Answers400()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emu.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, "sensor-data/integrations/integrate?projectIds=" + emu.Options.DefaultProjectId)
        {
            Content = new StringContent("""{"integration":{"changeState":"new"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Authorization", "ApiKey " + emu.ApiKey);
        request.Headers.Add("Accept", "application/vnd.bentley.itwin-platform.v1+json");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "sensor-data/sensors/all")]
    [InlineData("GET", "sensor-data/metrics/types")]
    [InlineData("POST", "sensor-data/sensors/metrics")]
    public async Task Emulator_ITwinPlatformUnpublishedPath_Answers404(string method, string path)
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emu.BaseUri };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Authorization", "ApiKey " + emu.ApiKey);
        request.Headers.Add("Accept", "application/vnd.bentley.itwin-platform.v1+json");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task QueryAndRemoveObservations_ITwinPlatform_RoundTripThroughTheEmulator()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(Options(emu, ITwinIoTRestApi.ITwinPlatform));
        var at = new DateTimeOffset(2023, 10, 5, 8, 0, 0, TimeSpan.Zero);
        await client.Rest.UploadObservationsAsync([new ObservationUpload(ITwinIoTEmulator.TrollSensorId, at, new Dictionary<string, double> { ["P_raw"] = 101_000 })]);

        var before = await client.Rest.GetRawObservationsAsync(new RawObservationsQuery(ITwinIoTEmulator.TrollSensorId) { StartDate = at.AddHours(-1), EndDate = at.AddHours(1) });
        var status = await client.Rest.DeleteObservationsAsync(new RemoveObservationsRequest(ITwinIoTEmulator.TrollSensorId) { Timestamps = [at] });
        var after = await client.Rest.GetRawObservationsAsync(new RawObservationsQuery(ITwinIoTEmulator.TrollSensorId) { StartDate = at.AddHours(-1), EndDate = at.AddHours(1) });

        Assert.Equal(ITwinIoTEmulator.TrollSensorId, before.Sensor);
        Assert.Single(before.AdditionalProperties!["observations"].EnumerateObject());
        Assert.Equal("ACCEPTED", status);
        Assert.Empty(after.AdditionalProperties!["observations"].EnumerateObject());
        await using var iot = new ITwinIoTClient(Options(emu));
        await Assert.ThrowsAsync<NotSupportedException>(() => iot.Rest.DeleteObservationsAsync(new RemoveObservationsRequest(ITwinIoTEmulator.TrollSensorId)));
    }

    /// <summary>A loopback server answering one path with a fixed body: shapes no emulator would send.</summary>
    private sealed class StubServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private StubServer(WebApplication app, Uri baseUri)
        {
            _app = app;
            BaseUri = baseUri;
        }

        public Uri BaseUri { get; }

        public static async Task<StubServer> StartAsync(string path, int status, string body)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.Map(path, async context =>
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body);
            });
            await app.StartAsync();
            return new StubServer(app, new Uri(app.Urls.First() + "/"));
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
