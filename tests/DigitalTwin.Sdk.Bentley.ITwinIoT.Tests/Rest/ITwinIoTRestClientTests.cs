using System.Net;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Rest;

public sealed class ITwinIoTRestClientTests
{
    private static ITwinIoTOptions ApiKeyOptions(ITwinIoTEmulator emu) => new()
    {
        RestBaseUrl = emu.BaseUri,
        WebSocketUrl = emu.WebSocketUri,
        ApiKey = emu.ApiKey,
        PageSize = 2,
    };

    private static ITwinIoTOptions ImsOptions(ITwinIoTEmulator emu) => new()
    {
        RestBaseUrl = emu.BaseUri,
        WebSocketUrl = emu.WebSocketUri,
        TokenUrl = emu.ImsTokenUri,
        ClientId = emu.Options.ImsClientId,
        ClientSecret = emu.Options.ImsClientSecret,
        ProjectId = emu.Options.DefaultProjectId,
    };

    [Fact]
    public async Task GetSensorsAsync_WithApiKey_WalksEveryPageLazily()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(ApiKeyOptions(emu));

        var pages = new List<int>();
        var ids = new List<string>();
        await foreach (var page in client.Rest.GetSensorsAsync().AsPages())
        {
            pages.Add(page.Values.Count);
            ids.AddRange(page.Values.Select(s => s.Id));
        }

        Assert.Equal([2, 2, 1], pages);
        Assert.Contains(ITwinIoTEmulator.TiltSensorId, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var requests = emu.Requests.ForPath("/api/sensors/all");
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("ApiKey " + emu.ApiKey, r.Header("Authorization")));
        Assert.Contains("pageSize=2", requests[0].QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ims_ClientCredentials_TokenIsCachedAndUsedForRestAndSocket()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(ImsOptions(emu));

        var deviceTypes = await client.Rest.GetDeviceTypesAsync();
        var sensorTypes = await client.Rest.GetSensorTypesAsync();
        var sensors = await client.Socket.GetSensorsAsync([ITwinIoTEmulator.TiltSensorId]);

        Assert.Equal("IMPORT_DEVICE_SDE", Assert.Single(deviceTypes).Id);
        Assert.Equal("GENERIC_SENSOR_SDE", Assert.Single(sensorTypes).Id);
        Assert.Single(sensors);
        Assert.Equal(1, emu.TokensIssued);
        var token = emu.Requests.ForPath("/connect/token").Single();
        Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        Assert.Contains("scope=itwin-platform", token.Body, StringComparison.Ordinal);
        Assert.StartsWith("Bearer ims-", emu.Requests.ForPath("/api/devices/types").Single().Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Integrate_ThenUploadOverRest_ThenReadOverSocket_EndToEnd()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(ImsOptions(emu));
        var metrics = new JsonObject { ["0"] = "Alignment_Left_SD", ["1"] = "Alignment_Right_SD" };
        var units = new JsonObject { ["0"] = "millimeter", ["1"] = "millimeter" };
        var request = new IntegrationRequest
        {
            ChangeState = "new",
            Devices =
            [
                new IntegrationDevice
                {
                    Props = new JsonObject { ["INTEGRATION_ID"] = "IMPORT_DEVICE_SDE", ["NAME"] = "Device-1" },
                    Sensors =
                    [
                        new IntegrationSensor { Props = new JsonObject { ["INTEGRATION_ID"] = "GENERIC_SENSOR_SDE", ["NAME"] = "Sensor-1", ["UNKNOWN_UNITS"] = units.DeepClone(), ["UNKNOWN_METRICS"] = metrics.DeepClone() } },
                        new IntegrationSensor { Props = new JsonObject { ["INTEGRATION_ID"] = "GENERIC_SENSOR_SDE", ["NAME"] = "Sensor-2", ["UNKNOWN_UNITS"] = units.DeepClone(), ["UNKNOWN_METRICS"] = metrics.DeepClone() } },
                    ],
                },
            ],
        };

        var created = await client.Rest.IntegrateAsync(request);
        var nodeId = created.Node!.Id;
        var sensorId = created.Devices[0].Sensors[0].Id;
        var again = await client.Rest.GetIntegrationAsync(nodeId);
        var required = await client.Rest.GetSensorMetricsAsync([sensorId]);
        var at = new DateTimeOffset(2024, 2, 20, 4, 35, 23, 653, TimeSpan.Zero);
        var status = await client.Rest.UploadObservationsAsync([new ObservationUpload(sensorId, at, new Dictionary<string, double> { ["Alignment_Left_SD"] = 0.23, ["Alignment_Right_SD"] = 0.84 })]);
        var read = await client.Socket.GetDataAsync(new DataQuery(sensorId, "Alignment_Left_SD", "millimeter")).ToListAsync();

        Assert.Matches("^/api/[0-9A-F]{6}/node$", nodeId);
        Assert.Equal(2, created.Devices[0].Sensors.Count);
        Assert.Equal(sensorId, again.Devices[0].Sensors[0].Id);
        Assert.Contains("/api/integrations//api/", emu.Requests.Snapshot().Single(r => r.Path.StartsWith("/api/integrations//", StringComparison.Ordinal)).Path, StringComparison.Ordinal);
        Assert.Equal(["Alignment_Left_SD", "Alignment_Right_SD"], required[sensorId].Select(m => m.Id));
        Assert.Equal("ACCEPTED", status);
        Assert.Equal(new Observation(at, 0.23), Assert.Single(read));
    }

    [Fact]
    public async Task Integrate_InvalidRequests_RefusedBeforeSendingOrMappedFrom422()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(ImsOptions(emu));

        var missingTemplate = new IntegrationRequest { ChangeState = "new", Devices = [new IntegrationDevice { Props = new JsonObject { ["NAME"] = "x" } }] };
        await Assert.ThrowsAsync<ArgumentException>(() => client.Rest.IntegrateAsync(missingTemplate));
        Assert.Empty(emu.Requests.ForPath("/api/integrations"));

        var unknownNode = new IntegrationRequest { NodeId = "/api/FFFFFF/node", Devices = [] };
        var error = await Assert.ThrowsAnyAsync<DigitalTwinApiException>(() => client.Rest.IntegrateAsync(unknownNode));

        Assert.Equal((HttpStatusCode)422, error.StatusCode);
        Assert.Equal("InvalidProcessIntegrationRequest", error.ErrorCode);
    }

    [Fact]
    public async Task UploadObservationsAsync_UnknownSensor_Maps400ErrorsList()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(ApiKeyOptions(emu));

        var error = await Assert.ThrowsAnyAsync<DigitalTwinApiException>(() => client.Rest.UploadObservationsAsync([new ObservationUpload("/api/NOPE/node/dynamic/X/device/Y/sensor", DateTimeOffset.UtcNow, new Dictionary<string, double> { ["a"] = 1 })]));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("sensor does not exist", error.Message + error.ErrorTitle + error.ErrorDetail, StringComparison.Ordinal);
        Assert.DoesNotContain(emu.ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadInBatchesAsync_OverRest_ReportsEachBatch()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(ApiKeyOptions(emu));
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var uploads = Enumerable.Range(0, 7).Select(i => new ObservationUpload(ITwinIoTEmulator.TrollSensorId, start.AddMinutes(i), new Dictionary<string, double> { ["T"] = i })).ToList();

        var results = await client.Rest.UploadInBatchesAsync(uploads, batchSize: 3).ToListAsync();
        var stored = await client.Socket.GetDataAsync(new DataQuery(ITwinIoTEmulator.TrollSensorId, "T", "C") { StartDate = start }).ToListAsync();

        Assert.Equal([3, 3, 1], results.Select(r => r.Accepted));
        Assert.Equal(3, emu.Requests.ForPath("/api/data/upload").Count);
        Assert.Equal(7, stored.Count);
    }

    [Fact]
    public async Task Projects_GetUsageDelete_ThenNotFound()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        await using var client = new ITwinIoTClient(ApiKeyOptions(emu));

        var project = await client.Rest.GetProjectAsync(ITwinIoTEmulator.SecondProjectId);
        var usage = await client.Rest.GetProjectDataUsageAsync(ITwinIoTEmulator.SecondProjectId);
        var documents = await client.Rest.GetDocumentsAsync(ITwinIoTEmulator.SecondProjectId);
        await client.Rest.DeleteProjectAsync(ITwinIoTEmulator.SecondProjectId);

        Assert.Equal(ITwinIoTEmulator.SecondProjectId, project.GetProperty("id").GetString());
        Assert.Equal(1, usage.GetProperty("sensorCount").GetInt32());
        Assert.Equal(1, documents.GetArrayLength());
        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => client.Rest.GetProjectAsync(ITwinIoTEmulator.SecondProjectId));
    }

    [Fact]
    public async Task ITwinPlatformBase_GetNodesByITwinIdWithAcceptHeader_OtherOperationsNotSupported()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var options = ApiKeyOptions(emu);
        options.RestApi = ITwinIoTRestApi.ITwinPlatform;
        options.ProjectId = emu.Options.DefaultProjectId;
        await using var client = new ITwinIoTClient(options);

        var nodes = await client.Rest.GetNodesAsync().ToListAsync();

        Assert.Contains(nodes, n => n.Id == ITwinIoTEmulator.NodeId);
        var request = emu.Requests.ForPath("/sensor-data/integrations/nodes")[0];
        Assert.Equal("?iTwinId=" + emu.Options.DefaultProjectId, request.QueryString);
        Assert.Contains("application/vnd.bentley.itwin-platform.v1+json", request.Header("Accept"), StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => client.Rest.GetMetricTypesAsync());
        Assert.Contains("GetMetricTypesAsync", refused.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => client.Rest.GetSensorsAsync());
        Assert.Single(emu.Requests.Snapshot(), r => r.Path.StartsWith("/sensor-data/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddITwinIoT_FromConfigurationSection_ResolvesWorkingClient()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DigitalTwin:ITwinIoT:RestBaseUrl"] = emu.BaseUri.ToString(),
            ["DigitalTwin:ITwinIoT:WebSocketUrl"] = emu.WebSocketUri.ToString(),
            ["DigitalTwin:ITwinIoT:ApiKey"] = emu.ApiKey,
            ["DigitalTwin:ITwinIoT:ProjectId"] = emu.Options.DefaultProjectId,
        }).Build();
        var services = new ServiceCollection();
        services.AddITwinIoT(configuration.GetSection(ITwinIoTOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IITwinIoTClient>();
        var nodes = await client.Rest.GetNodesAsync().ToListAsync();
        var time = await client.Socket.GetTimeAsync();

        Assert.NotEmpty(nodes);
        Assert.NotEqual(default, time);
    }

    [Fact]
    public void Options_WithoutCredentials_AreRejectedUnlessACredentialIsGiven_AndToStringHidesSecrets()
    {
        var options = new ITwinIoTOptions { ClientId = "id", ClientSecret = "very-secret" };
        var noSecret = new ITwinIoTOptions { ClientId = "id" };

        Assert.Empty(options.Validate(ITwinIoTOptions.SectionName));
        var ex = Assert.Throws<ArgumentException>(() => new ITwinIoTClient(noSecret));
        Assert.Contains("ClientSecret", ex.Message, StringComparison.Ordinal);
        using (new ITwinIoTClient(noSecret, new CountingCredential("from-the-vault")))
        {
        }

        Assert.DoesNotContain("very-secret", options.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ITwinIoTClient(new ITwinIoTOptions { RestBaseUrl = new Uri("http://example.com/"), ApiKey = "k" }));
    }

    [Fact]
    public async Task Constructor_WithCredential_ReplacesTheConfiguredGrant_ForRestAndSocket()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var credential = new CountingCredential(emu.ApiKey, scheme: "ApiKey");
        var options = new ITwinIoTOptions { RestBaseUrl = emu.BaseUri, WebSocketUrl = emu.WebSocketUri, ClientId = "unused" };
        await using var client = new ITwinIoTClient(options, credential);

        var nodes = await client.Rest.GetNodesAsync().ToListAsync();
        var time = await client.Socket.GetTimeAsync();

        Assert.NotEmpty(nodes);
        Assert.NotEqual(default, time);
        Assert.True(credential.Calls >= 2, $"the credential was asked {credential.Calls} times (REST and socket)");
    }

    private sealed class CountingCredential(string token, string scheme = "Bearer") : ITokenProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult(new AccessToken(token, DateTimeOffset.MaxValue, DateTimeOffset.UnixEpoch, scheme: scheme));
        }

        public void Invalidate(AccessToken token)
        {
        }
    }
}
