using System.Net;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

public sealed class LifecycleTwinEmulatorSelectTests(LifecycleTwinEmulatorFixture fixture) : IClassFixture<LifecycleTwinEmulatorFixture>
{
    private LifecycleTwinApi Api => fixture.Api;

    [Fact]
    public async Task Select_TopLevelFields_ReturnsOnlyThoseAndId()
    {
        var items = await Api.ListAsync("api/assets", select: "{\"Name\", \"Quantity\"}");

        Assert.Equal(250, items.Count);
        Assert.All(items, i => Assert.Equal(["Id", "Name", "Quantity"], i!.AsObject().Select(p => p.Key)));
        Assert.Equal(fixture.Emulator.Assets[0].Name, (string?)items[0]!["Name"]);
    }

    [Theory]
    [InlineData("{\"Id\", \"Name\", \"CustomFields\": {\"Id\", \"Value\"}}")]
    [InlineData("{\"Id\", \"Name\", \"CustomFields\" : {\"Id\", \"Value\"}}")]
    [InlineData("{\t\"Id\" ,\"Name\",\"CustomFields\":{ \"Id\",\"Value\" } } ")]
    [InlineData("{\"id\", \"name\", \"customFields\": {\"ID\", \"value\"}}")]
    public async Task Select_NestedCollectionInDocumentedSyntaxes_ReturnsSelectedSubfields(string select)
    {
        var items = await Api.ListAsync("api/assets", select: select);

        var asset = fixture.Emulator.Assets[0];
        var json = items[0]!.AsObject();
        Assert.Equal(["Id", "Name", "CustomFields"], json.Select(p => p.Key));
        var fields = json["CustomFields"]!.AsArray();
        Assert.Equal(asset.CustomFields.Count, fields.Count);
        Assert.All(fields, f => Assert.Equal(["Id", "Value"], f!.AsObject().Select(p => p.Key)));
        Assert.Equal(asset.CustomFields.Select(c => c.Id), fields.Select(f => (string)f!["Id"]!));
    }

    [Fact]
    public async Task Select_NestedObjectWithoutId_StillWritesNestedId()
    {
        var sites = await Api.ListAsync("api/clientprojects", select: "{\"Name\", \"Location\": {\"Name\"}}");

        Assert.Equal(["Name", "Location", "Id"], sites[0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["Name", "Id"], sites[0]!["Location"]!.AsObject().Select(p => p.Key));
        Assert.Equal("Zug", (string?)sites[0]!["Location"]!["Name"]);
    }

    [Fact]
    public async Task Select_ObjectFieldWithoutSubselection_WritesWholeObject()
    {
        var items = await Api.ListAsync("api/assets", select: "{\"Location\", \"Systems\", \"Location\": {\"Id\"}}");

        Assert.Equal(["Id", "Name"], items[0]!["Location"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["Id", "Name"], items[0]!["Systems"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Select_OnlyId_ReturnsIdOnly()
    {
        var items = await Api.ListAsync("api/documents", select: "{\"Id\"}");

        Assert.All(items, i => Assert.Equal(["Id"], i!.AsObject().Select(p => p.Key)));
        Assert.Equal(fixture.Emulator.Documents.Select(d => d.Id), LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Select_AppliesToGetById()
    {
        var location = fixture.Emulator.Locations[1];

        var items = await Api.ListAsync($"api/locations/{location.Id}", select: "{\"ParentId\", \"ChildrenCount\"}");

        var json = Assert.Single(items)!.AsObject();
        Assert.Equal(["Id", "ChildrenCount", "ParentId"], json.Select(p => p.Key));
        Assert.Equal(location.ParentId, (string?)json["ParentId"]);
        Assert.Equal(location.ChildrenCount, (int)json["ChildrenCount"]!);
    }

    [Theory]
    [InlineData("api/assets", "{\"Id\", \"Colour\"}", "Colour")]
    [InlineData("api/assets", "{\"CustomFields\": {\"Id\", \"Unit\"}}", "Unit")]
    [InlineData("api/clientprojects", "{\"Name\", \"Location\": {\"ParentId\"}}", "ParentId")]
    [InlineData("api/systems", "{\"Quantity\"}", "Quantity")]
    public async Task Select_UnknownField_Returns400NamingTheField(string path, string select, string field)
    {
        using var response = await Api.GetAsync(path, select: select);

        Assert.Equal($"Unknown field '{field}' in select.", await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("{\"Id\"")]
    [InlineData("\"Id\"")]
    [InlineData("{Id}")]
    [InlineData("{\"Id\",}")]
    [InlineData("{\"Id\" \"Name\"}")]
    [InlineData("{\"Na me\"}")]
    [InlineData("{\"\"}")]
    [InlineData("{\"Id\"} trailing")]
    [InlineData("{\"Location\": \"Name\"}")]
    [InlineData("{\"Name\": {\"Id\"}}")]
    public async Task Select_Malformed_Returns400(string select)
    {
        using var response = await Api.GetAsync("api/assets", select: select);

        await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.BadRequest);
    }

    // The quick start lists select among the headers required to fetch data; only the "Find document" page calls it
    // optional (documents). A client that sends no select is refused where it is required.
    [Theory]
    [InlineData("api/clientprojects")]
    [InlineData("api/assets")]
    [InlineData("api/locations")]
    [InlineData("api/systems")]
    public async Task Select_Missing_Returns400(string path)
    {
        using var response = await Api.GetAsync(path, select: "");

        Assert.Equal($"The select header is required for {path[4..]}.", await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Select_MissingOnGetById_Returns400()
    {
        using var response = await Api.GetAsync($"api/assets/{fixture.Emulator.Assets[0].Id}", select: "");

        await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Select_MissingOnDocuments_ReturnsEveryField()
    {
        var items = await Api.ListAsync("api/documents", select: "");

        Assert.Equal(fixture.Emulator.Documents.Select(d => d.Id), LifecycleTwinApi.Ids(items));
        Assert.Equal(["Id", "Name", "IsFolder", "Parent", "Files", "Category", "CreatedOn", "ModifiedOn"], items[1]!.AsObject().Select(p => p.Key));
    }
}
