using System.Net;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.Tandem;
using static DigitalTwin.Sdk.Testing.Tests.Tandem.TandemTestHelpers;

namespace DigitalTwin.Sdk.Testing.Tests.Tandem;

public sealed class TandemEmulatorTwinTests
{
    [Fact]
    public async Task GetTwin_SeededTwin_ReturnsTheDocExample()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        using var response = await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}", token);
        var twin = await JsonAsync(response);

        // Verbatim, except that the signed links point at the emulator's document origin instead of https://tandem.autodesk.com/.
        var expected = JsonNode.Parse(TandemSeed.DocTwinJson)!;
        foreach (var doc in expected["docs"]!.AsArray())
        {
            doc!["signedLink"] = ((string)doc["signedLink"]!).Replace("https://tandem.autodesk.com/", emu.DocumentOrigin.AbsoluteUri, StringComparison.Ordinal);
        }

        Assert.True(JsonNode.DeepEquals(expected, twin));
        Assert.Equal("\"1690357603997\"", response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task GetTwin_EscapedUrn_IsUnderstood()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        using var response = await SendAsync(http, HttpMethod.Get, "tandem/v1/twins/" + Uri.EscapeDataString(emu.TwinId), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.Forbidden, "FORBIDDEN")]
    [InlineData(false, HttpStatusCode.NotFound, "NOT_FOUND")]
    public async Task GetTwin_RestrictedOrUnknown_ReturnsApsErrorBody(bool restricted, HttpStatusCode expected, string code)
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        var twinId = restricted ? emu.ForbiddenTwinId : "urn:adsk.dtt:NoSuchTwin000000000000";

        using var response = await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{twinId}", token);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(code, (string?)body["errorCode"]);
        Assert.False(string.IsNullOrEmpty((string?)body["developerMessage"]));
    }

    [Fact]
    public async Task HeadTwin_AnswersStatusWithoutBody()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        using var ok = await SendAsync(http, HttpMethod.Head, $"tandem/v1/twins/{emu.TwinId}", token);
        using var forbidden = await SendAsync(http, HttpMethod.Head, $"tandem/v1/twins/{emu.ForbiddenTwinId}", token);
        using var missing = await SendAsync(http, HttpMethod.Head, "tandem/v1/twins/urn:adsk.dtt:none", token);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Empty(await ok.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task DataApi_WithoutBearer_Returns401()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);

        using var response = await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DataApi_TokenWithoutReadScope_Returns403()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http, "data:write"))["access_token"]!;

        using var response = await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("US", HttpStatusCode.OK)]
    [InlineData("EMEA", HttpStatusCode.OK)]
    [InlineData("AUS", HttpStatusCode.OK)]
    [InlineData("MARS", HttpStatusCode.BadRequest)]
    public async Task DataApi_RegionHeader_IsValidated(string region, HttpStatusCode expected)
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        using var response = await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}", token, region: region);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(region, emu.Requests.ForPath("/tandem/v1/twins").Last().Header("Region"));
    }

    [Fact]
    public async Task Groups_ListGetAndTwins_ReturnTheSeededGroup()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        var groups = (await JsonAsync(await SendAsync(http, HttpMethod.Get, "tandem/v1/groups", token))).AsArray();
        var group = await JsonAsync(await SendAsync(http, HttpMethod.Get, $"tandem/v1/groups/{emu.GroupId}", token));
        var twins = (await JsonAsync(await SendAsync(http, HttpMethod.Get, $"tandem/v1/groups/{emu.GroupId}/twins", token))).AsObject();
        using var missing = await SendAsync(http, HttpMethod.Get, "tandem/v1/groups/urn:adsk.dtg:none", token);

        Assert.Equal(emu.GroupId, (string?)Assert.Single(groups)!["urn"]);
        Assert.Equal("Autodesk Samples", (string?)group["name"]);
        Assert.Equal(emu.TwinId, Assert.Single(twins).Key);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task MyTwins_ReturnsTwinsKeyedByUrn()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await ThreeLeggedAsync(emu, http))["access_token"]!;

        var twins = (await JsonAsync(await SendAsync(http, HttpMethod.Get, "tandem/v1/users/@me/twins", token))).AsObject();

        Assert.Equal("Mill", (string?)twins[emu.TwinId]!["props"]!["Identity Data"]!["Building Name"]);
    }

    [Fact]
    public async Task Views_ReturnsSeededViews()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        var views = (await JsonAsync(await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}/views", token))).AsArray();

        Assert.Equal(2, views.Count);
        Assert.Equal(["Home", "Level 1"], views.Select(v => (string)v!["viewName"]!));
        Assert.All(views, v => Assert.Equal(2, (int)v!["version"]!));
    }

    [Fact]
    public async Task SignedLink_PointsAtTheSecondOrigin_WhichRefusesADownloadWithoutTheBearer()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;

        var twin = await JsonAsync(await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}", token));
        var link = new Uri((string)twin["docs"]![0]!["signedLink"]!);
        using var plain = new HttpClient();
        using var refused = await plain.GetAsync(link);
        using var withBearer = new HttpRequestMessage(HttpMethod.Get, link) { Headers = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token) } };
        using var content = await plain.SendAsync(withBearer);

        Assert.Equal(emu.DocumentOrigin.Port, link.Port);
        Assert.NotEqual(emu.BaseUri.Port, link.Port);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("application/pdf", content.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, emu.DocumentRequests.Count);
    }

    [Fact]
    public async Task Faults_Injected500_IsAnsweredBeforeTheHandler()
    {
        await using var emu = await TandemEmulator.StartAsync();
        using var http = NewClient(emu);
        var token = (string)(await TwoLeggedAsync(emu, http))["access_token"]!;
        emu.Faults.Add(Fault.Status(500, "{\"developerMessage\":\"boom\"}"), pathPrefix: "/tandem/v1/twins");

        using var failed = await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}", token);
        using var ok = await SendAsync(http, HttpMethod.Get, $"tandem/v1/twins/{emu.TwinId}", token);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
