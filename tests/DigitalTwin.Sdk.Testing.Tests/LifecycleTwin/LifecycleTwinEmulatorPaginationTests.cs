using System.Net;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

public sealed class LifecycleTwinEmulatorPaginationTests(LifecycleTwinEmulatorFixture fixture) : IClassFixture<LifecycleTwinEmulatorFixture>
{
    private const string ById = "{\"Id\": \"ascending\"}";

    private LifecycleTwinApi Api => fixture.Api;

    private List<string> SortedIds => fixture.Emulator.Assets.Select(a => a.Id).Order(StringComparer.OrdinalIgnoreCase).ToList();

    [Fact]
    public async Task Pagination_DocumentedHeader_ReturnsFirst20()
    {
        var items = await Api.ListAsync("api/assets", sort: ById, pagination: "{\"page\" : 0, \"size\" : 20}");

        Assert.Equal(SortedIds.Take(20), LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Pagination_WalkPages_LastPageIsFirstShortOne()
    {
        var counts = new List<int>();
        var ids = new List<string>();
        for (var page = 0; ; page++)
        {
            var items = await Api.ListAsync("api/assets", sort: ById, pagination: $"{{\"page\" : {page}, \"size\" : 100}}");
            counts.Add(items.Count);
            ids.AddRange(LifecycleTwinApi.Ids(items));
            if (items.Count < 100)
            {
                break;
            }
        }

        Assert.Equal([100, 100, 50], counts);
        Assert.Equal(SortedIds, ids);
    }

    [Fact]
    public async Task Pagination_ExactMultiple_EndsWithEmptyPage()
    {
        var full = await Api.ListAsync("api/assets", sort: ById, pagination: "{\"page\" : 4, \"size\" : 50}");
        var empty = await Api.ListAsync("api/assets", sort: ById, pagination: "{\"page\" : 5, \"size\" : 50}");

        Assert.Equal(SortedIds.Skip(200), LifecycleTwinApi.Ids(full));
        Assert.Empty(empty);
    }

    [Theory]
    [InlineData(1000, 1)]
    [InlineData(int.MaxValue, 1000)]
    [InlineData(3, int.MaxValue)]
    public async Task Pagination_PastTheEnd_ReturnsEmptyArray(int page, int size)
    {
        var items = await Api.ListAsync("api/assets", pagination: $"{{\"page\" : {page}, \"size\" : {size}}}");

        Assert.Empty(items);
    }

    [Fact]
    public async Task Pagination_UnknownKeys_Ignored()
    {
        var items = await Api.ListAsync("api/assets", sort: ById, pagination: "{\"page\" : 1, \"size\" : 3, \"total\" : \"yes\"}");

        Assert.Equal(SortedIds.Skip(3).Take(3), LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Pagination_SizeAbove1000_AllowedByEmulator()
    {
        var items = await Api.ListAsync("api/assets", pagination: "{\"page\" : 0, \"size\" : 5000}");

        Assert.Equal(250, items.Count);
    }

    [Fact]
    public async Task Pagination_Absent_ReturnsEverything()
    {
        Assert.Equal(250, (await Api.ListAsync("api/assets", select: "{\"Id\"}")).Count);
    }

    [Fact]
    public async Task Pagination_WithFilterAndSort_PagesTheSortedMatches()
    {
        var expected = fixture.Emulator.Assets
            .Where(a => a.Name.StartsWith("Valve", StringComparison.Ordinal))
            .OrderByDescending(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => a.Id)
            .Skip(10)
            .Take(10);

        var items = await Api.ListAsync(
            "api/assets",
            filter: "{\"starts_with\":{\"Name\":\"Valve\"}}",
            sort: "{\"Name\": \"descending\"}",
            pagination: "{\"page\" : 1, \"size\" : 10}");

        Assert.Equal(expected, LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Pagination_HeaderNameAndKeysInAnyCase_Accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/assets");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Api.AccessToken);
        request.Headers.TryAddWithoutValidation("ClientName", fixture.Emulator.ClientName);
        request.Headers.TryAddWithoutValidation("ProjectId", fixture.Emulator.ProjectId);
        request.Headers.TryAddWithoutValidation("Select", "{\"Id\"}");
        request.Headers.TryAddWithoutValidation("Sort", ById);
        request.Headers.TryAddWithoutValidation("Pagination", "{\"Page\" : 2, \"Size\" : 7}");

        using var response = await Api.Http.SendAsync(request);
        var items = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(SortedIds.Skip(14).Take(7), LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Pagination_ConcurrentPagesOfANewQuery_AllConsistent()
    {
        const string Sort = "{\"SerialNumber\": \"descending\"}";
        var expected = fixture.Emulator.Assets.OrderByDescending(a => a.SerialNumber, StringComparer.OrdinalIgnoreCase).Select(a => a.Id).ToList();

        var pages = await Task.WhenAll(Enumerable.Range(0, 13).Select(page =>
            Api.ListAsync("api/assets", select: "{\"Id\"}", sort: Sort, pagination: $"{{\"page\" : {page}, \"size\" : 20}}")));

        Assert.Equal(expected, pages.SelectMany(LifecycleTwinApi.Ids));
        Assert.Equal(10, pages[^1].Count);
    }

    [Fact]
    public async Task QueryHeaders_Blank_TreatedAsAbsent()
    {
        // documents: the one resource where select is optional, so a blank select returns every field.
        var items = await Api.ListAsync("api/documents", select: " ", filter: " ", sort: " ", pagination: " ");

        Assert.Equal(fixture.Emulator.Documents.Select(d => d.Id), LifecycleTwinApi.Ids(items));
        Assert.Equal(8, items[1]!.AsObject().Count);
    }

    [Fact]
    public async Task Select_BlankOnAssets_AnsweredAsMissing()
    {
        using var response = await Api.GetAsync("api/assets", select: " ", filter: " ", sort: " ", pagination: " ");

        Assert.Contains("select", await LifecycleTwinApi.ErrorMessageAsync(response, System.Net.HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryHeaders_BlankExceptSelect_TreatedAsAbsent()
    {
        var items = await Api.ListAsync("api/assets", filter: " ", sort: " ", pagination: " ");

        Assert.Equal(fixture.Emulator.Assets.Select(a => a.Id), LifecycleTwinApi.Ids(items));
        Assert.Equal(12, items[0]!.AsObject().Count);
    }

    [Theory]
    [InlineData("{\"page\" : -1, \"size\" : 20}")]
    [InlineData("{\"page\" : 0, \"size\" : 0}")]
    [InlineData("{\"page\" : 0, \"size\" : -5}")]
    [InlineData("{\"page\" : 0}")]
    [InlineData("{\"size\" : 20}")]
    [InlineData("{\"page\" : \"0\", \"size\" : 20}")]
    [InlineData("{\"page\" : 0.5, \"size\" : 20}")]
    [InlineData("{\"page\" : 0, \"size\" : 20")]
    [InlineData("[0, 20]")]
    public async Task Pagination_Invalid_Returns400(string pagination)
    {
        using var response = await Api.GetAsync("api/assets", pagination: pagination);

        await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.BadRequest);
    }
}
