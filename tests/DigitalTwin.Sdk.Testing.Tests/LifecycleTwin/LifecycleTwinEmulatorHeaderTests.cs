using System.Net;
using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

public sealed class LifecycleTwinEmulatorHeaderTests(LifecycleTwinEmulatorFixture fixture) : IClassFixture<LifecycleTwinEmulatorFixture>
{
    private const string Denied = "Authorization has been denied for this request.";

    private LifecycleTwinApi Api => fixture.Api;

    [Theory]
    [InlineData("api/clientprojects")]
    [InlineData("api/assets")]
    [InlineData("api/documents")]
    [InlineData("api/locations")]
    [InlineData("api/systems")]
    public async Task Get_WithoutAuthorization_Returns401(string path)
    {
        using var response = await Api.GetAsync(path, authorization: "");

        Assert.Equal(Denied, await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic ZW11bGF0b3I6cGFzcw==")]
    public async Task Get_UnknownToken_Returns401(string authorization)
    {
        using var response = await Api.GetAsync("api/assets", authorization: authorization);

        Assert.Equal(Denied, await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("api/clientprojects")]
    [InlineData("api/assets")]
    [InlineData("api/systems/anything")]
    public async Task Get_WithoutClientName_Returns400(string path)
    {
        using var response = await Api.GetAsync(path, clientName: "");

        Assert.Equal("The clientname header is required.", await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Get_UnknownClientName_Returns401NamingTheClient()
    {
        using var response = await Api.GetAsync("api/clientprojects", clientName: "SomeoneElse");

        var message = await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith(Denied, message, StringComparison.Ordinal);
        Assert.Contains("'SomeoneElse'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ClientNameInOtherCase_Accepted()
    {
        using var response = await Api.GetAsync("api/clientprojects", clientName: fixture.Emulator.ClientName.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("api/assets")]
    [InlineData("api/documents")]
    [InlineData("api/locations")]
    [InlineData("api/systems")]
    [InlineData("api/assets/some-id")]
    public async Task Get_SiteScopedWithoutProjectId_Returns400(string path)
    {
        using var response = await Api.GetAsync(path, projectId: "");

        Assert.Equal(
            "The projectid header is required for site-scoped resources.",
            await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Get_ClientProjectsWithoutProjectId_ReturnsEverySite()
    {
        using var response = await Api.GetAsync("api/clientprojects", projectId: "");
        var sites = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fixture.Emulator.Sites.Select(s => s.Id), LifecycleTwinApi.Ids(sites));
    }

    [Fact]
    public async Task Get_UnknownProjectId_Returns404()
    {
        using var response = await Api.GetAsync("api/assets", projectId: "00000000-0000-0000-0000-000000000001");

        var message = await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("00000000-0000-0000-0000-000000000001", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/assets")]
    [InlineData("api/documents")]
    [InlineData("api/locations")]
    [InlineData("api/systems")]
    public async Task Get_ProjectIdOfAnotherSite_ReturnsThatSitesResources(string path)
    {
        var emulator = fixture.Emulator;
        var other = emulator.Sites[2].Id;
        var expected = path switch
        {
            "api/assets" => emulator.GetAssets(other).Select(a => a.Id),
            "api/documents" => emulator.GetDocuments(other).Select(d => d.Id),
            "api/locations" => emulator.GetLocations(other).Select(l => l.Id),
            _ => emulator.GetSystems(other).Select(s => s.Id),
        };

        var items = await Api.ListAsync(path, projectId: other);

        Assert.Equal(expected, LifecycleTwinApi.Ids(items));
        Assert.NotEmpty(items);
    }

    [Fact]
    public async Task GetAssets_DefaultSite_ReturnsAllSeededAssetsInSeedOrder()
    {
        var items = await Api.ListAsync("api/assets");

        Assert.Equal(fixture.Emulator.Assets.Select(a => a.Id), LifecycleTwinApi.Ids(items));
        Assert.Equal(250, items.Count);
        Assert.All(items, i => Assert.Equal(fixture.Emulator.ProjectId, (string?)i!["ProjectId"]));
    }

    [Theory]
    [InlineData("assets")]
    [InlineData("documents")]
    [InlineData("locations")]
    [InlineData("systems")]
    [InlineData("clientprojects")]
    public async Task GetById_Existing_ReturnsArrayWithTheEntity(string resource)
    {
        var emulator = fixture.Emulator;
        var id = resource switch
        {
            "assets" => emulator.Assets[41].Id,
            "documents" => emulator.Documents[3].Id,
            "locations" => emulator.Locations[5].Id,
            "systems" => emulator.Systems[1].Id,
            _ => emulator.Sites[1].Id,
        };

        var items = await Api.ListAsync($"api/{resource}/{id.ToUpperInvariant()}");

        Assert.Equal(id, (string?)Assert.Single(items)!["Id"]);
    }

    [Theory]
    [InlineData("assets")]
    [InlineData("clientprojects")]
    public async Task GetById_Unknown_Returns404(string resource)
    {
        using var response = await Api.GetAsync($"api/{resource}/does-not-exist");

        var message = await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("does-not-exist", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetById_DocumentationExample_MatchesDocumentedResponse()
    {
        const string Select = "{\"Name\", \"Id\", \"CreatedOn\", \"CityName\", \"ModifiedOnLocal\",\"OwnerOrganization\", \"Latitude\", \"Longitude\", \"Location\": {\"Id\", \"Name\"}}";

        var site = Assert.Single(await Api.ListAsync("api/clientprojects/2f4978fe-ab1c-4d66-be94-2086d0887a86", select: Select))!;

        Assert.Equal("Building1", (string?)site["Name"]);
        Assert.Equal("2f4978fe-ab1c-4d66-be94-2086d0887a86", (string?)site["Id"]);
        Assert.Equal("2022-10-18T14:32:17.023Z", (string?)site["CreatedOn"]);
        Assert.Equal("Zug", (string?)site["Location"]!["Name"]);
        Assert.Equal("4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236", (string?)site["Location"]!["Id"]);
        Assert.Equal("Zug", (string?)site["CityName"]);
        Assert.NotNull(site["ModifiedOnLocal"]);
        Assert.NotNull(site["OwnerOrganization"]);
        Assert.Equal(47.1662, (double)site["Latitude"]!);
    }

    [Fact]
    public async Task GetClientProjects_NoSelect_ContainsDocumentedSitesWithAllFields()
    {
        var sites = await Api.ListAsync("api/clientprojects");

        var building1 = sites[0]!.AsObject();
        Assert.Equal(
            ["Name", "IsEnabled", "CreatedOn", "Location", "Id", "CreatedOnLocal", "ModifiedOnLocal", "CityName", "OwnerOrganization", "Latitude", "Longitude"],
            building1.Select(p => p.Key));
        Assert.False((bool)building1["IsEnabled"]!);
        Assert.Equal("2022-10-18T14:32:17.023+00:00", (string?)building1["CreatedOnLocal"]);
        Assert.Equal(0, (int)building1["Location"]!["ChildrenCount"]!);
        var building2 = sites[1]!;
        Assert.Equal(("Building2", "2f4978fe-xy1c-4d66-be94-2086d0887a86"), ((string?)building2["Name"], (string?)building2["Id"]));
        Assert.Equal(("Zurich", "4dc758d7-xy1c-4f4b-bd42-fd95c3cd8236"), ((string?)building2["Location"]!["Name"], (string?)building2["Location"]!["Id"]));
        Assert.Equal(5, sites.Count);
    }

    [Fact]
    public async Task GetAssets_NoSelect_WritesEveryAssetField()
    {
        var asset = fixture.Emulator.Assets[2];

        var json = Assert.Single(await Api.ListAsync($"api/assets/{asset.Id}"))!.AsObject();

        Assert.Equal(
            ["Id", "Name", "Description", "ProjectId", "SerialNumber", "Quantity", "InstallationDate", "CreatedOn", "Location", "Systems", "ModelObjects", "CustomFields"],
            json.Select(p => p.Key));
        Assert.Equal(asset.Name, (string?)json["Name"]);
        Assert.Equal(asset.Quantity, (double)json["Quantity"]!);
        Assert.Equal(asset.InstallationDate, DateTimeOffset.Parse((string)json["InstallationDate"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(asset.Location.Name, (string?)json["Location"]!["Name"]);
        Assert.Equal(asset.Systems.Select(s => s.Id), json["Systems"]!.AsArray().Select(s => (string)s!["Id"]!));
        Assert.Equal(asset.ModelObjects.Select(m => m.ObjectId), json["ModelObjects"]!.AsArray().Select(m => (string)m!["ObjectId"]!));
        Assert.Equal(asset.CustomFields.Count, json["CustomFields"]!.AsArray().Count);
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404Message()
    {
        using var response = await Api.GetAsync("api/widgets");

        await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_ToResource_Returns405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/assets");
        request.Headers.TryAddWithoutValidation("authorization", "Bearer " + Api.AccessToken);
        request.Headers.TryAddWithoutValidation("clientname", fixture.Emulator.ClientName);
        request.Headers.TryAddWithoutValidation("projectid", fixture.Emulator.ProjectId);

        using var response = await Api.Http.SendAsync(request);

        await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Get_HeadersAreRecordedInRequestLog()
    {
        using var response = await Api.GetAsync("api/systems", select: "{\"Name\"}");

        var logged = fixture.Emulator.Requests.ForPath("/api/systems").Last();
        Assert.Equal("{\"Name\"}", logged.Header("select"));
        Assert.Equal(fixture.Emulator.ProjectId, logged.Header("projectid"));
        Assert.Equal(fixture.Emulator.ClientName, logged.Header("clientname"));
    }
}
