using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using DigitalTwin.Sdk.TestUtilities;

namespace DigitalTwin.Sdk.Testing.Tests.ITwinIoT;

public sealed class ITwinIoTEmulatorRestTests
{
    [Fact]
    public async Task Rest_WithoutAuthorization_Is401WithErrorsList()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emu.BaseUri };

        using var response = await http.GetAsync(new Uri("api/sensors/all", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Authorization", body["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task TimeProvider_StampsTheRequestLogAndHoldsADelayFault()
    {
        var clock = new TrackingFakeTimeProvider();
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { TimeProvider = clock });
        using var http = Authorized(emu);
        emu.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(5)), pathPrefix: "/api/sensors/all");

        var listing = http.GetStringAsync(new Uri("api/sensors/all", UriKind.Relative));
        var due = TestTime.Start.AddSeconds(5);
        await Waiting.WaitUntilAsync("the delay armed on the emulator's clock", () => clock.HasPendingTimerDueAt(due));
        var heldBeforeAdvance = !listing.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(heldBeforeAdvance);
        Assert.NotEmpty(JsonNode.Parse(await listing)!.AsArray());
        Assert.Equal(TestTime.Start, Assert.Single(emu.Requests.ForPath("/api/sensors/all")).ReceivedAt);
    }

    [Fact]
    public async Task AllListing_PagesWithPageNumberAndPageSize_AsBareArrays()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        using var http = Authorized(emu);

        var first = JsonNode.Parse(await http.GetStringAsync(new Uri("api/sensors/all?pageNumber=0&pageSize=3", UriKind.Relative)))!;
        var second = JsonNode.Parse(await http.GetStringAsync(new Uri("api/sensors/all?pageNumber=1&pageSize=3", UriKind.Relative)))!;
        var third = JsonNode.Parse(await http.GetStringAsync(new Uri("api/sensors/all?pageNumber=2&pageSize=3", UriKind.Relative)))!;
        using var tooBig = await http.GetAsync(new Uri("api/sensors/all?pageSize=5000", UriKind.Relative));

        Assert.Equal(3, first.AsArray().Count);
        Assert.Equal(2, second.AsArray().Count);
        Assert.Empty(third.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task SensorDataPlatformBase_NeedsPlatformAcceptHeader_AndAnswersPlatformErrors()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        using var http = Authorized(emu);

        using var wrongAccept = await http.GetAsync(new Uri("sensor-data/integrations/nodes?iTwinId=" + emu.Options.DefaultProjectId, UriKind.Relative));
        var error = JsonNode.Parse(await wrongAccept.Content.ReadAsStringAsync())!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("sensor-data/integrations/nodes?iTwinId=" + emu.Options.DefaultProjectId, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.bentley.itwin-platform.v1+json"));
        using var ok = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, wrongAccept.StatusCode);
        Assert.Equal("InvalidAcceptHeader", error["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task ImsToken_ClientCredentials_IssuesUsableBearerToken()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emu.BaseUri };

        using var bad = await http.PostAsync(new Uri("connect/token", UriKind.Relative), new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", emu.Options.ImsClientId), new("client_secret", "wrong")]));
        using var good = await http.PostAsync(new Uri("connect/token", UriKind.Relative), new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", emu.Options.ImsClientId), new("client_secret", emu.Options.ImsClientSecret), new("scope", "sensor-data:read")]));
        var token = JsonNode.Parse(await good.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var types = await http.GetAsync(new Uri("api/devices/types?excludeLegacy=true", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, types.StatusCode);
        Assert.Equal(1, emu.TokensIssued);
    }

    [Fact]
    public async Task Integrate_WithoutIntegrationId_Is422WithDocumentedMessage_AndUploadNeedsObservations()
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        using var http = Authorized(emu);

        using var integrate = await http.PostAsync(
            new Uri("api/integrations/integrate?projectIds=60F8B30928A37A575ECEE061", UriKind.Relative),
            new StringContent("""{"integration":{"changeState":"new","devices":[{"changeState":"new","props":{"NAME":"Device-1"}}]}}""", Encoding.UTF8, "application/json"));
        var error = JsonNode.Parse(await integrate.Content.ReadAsStringAsync())!;
        using var upload = await http.PostAsync(new Uri("api/data/upload", UriKind.Relative), new StringContent("""{"observations":[]}""", Encoding.UTF8, "application/json"));
        var uploadError = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;

        Assert.Equal(422, (int)integrate.StatusCode);
        Assert.Equal("InvalidProcessIntegrationRequest", error["error"]!["code"]!.GetValue<string>());
        Assert.Contains("INTEGRATION_ID", error["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal("must not be empty", uploadError["errors"]![0]!["message"]!.GetValue<string>());
    }

    private static HttpClient Authorized(ITwinIoTEmulator emu)
    {
        var http = new HttpClient { BaseAddress = emu.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", emu.ApiKey);
        return http;
    }
}
