using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using WireMock.Matchers;
using static DigitalTwin.Sdk.Contract.Tests.LifecycleTwin.LifecycleTwinContract;

namespace DigitalTwin.Sdk.Contract.Tests.LifecycleTwin;

/// <summary>
/// Token and <c>/api/clientprojects</c> against the literal requests and responses of the vendor documents
/// shared/vendor-docs/siemens-lifecycle-twin-quickstart.txt ([LT-QS]) and siemens-lifecycle-twin-querying.txt ([LT-Q]).
/// </summary>
[Trait("Category", "Contract")]
public sealed class SitesContractTests : IDisposable
{
    // [LT-Q] "Selecting", Example of the request: select (verbatim, including the missing space after "ModifiedOnLocal",).
    private const string DocSelect = "{\"Name\", \"Id\", \"CreatedOn\", \"CityName\", \"ModifiedOnLocal\",\"OwnerOrganization\", \"Latitude\", \"Longitude\", \"Location\": {\"Id\", \"Name\"}}";

    // [LT-Q] "Filtering" / "Sorting" / "Pagination" examples: select (verbatim).
    private const string DocSelectShort = "{\"Name\", \"Id\", \"CreatedOn\", \"CityName\", \"Latitude\", \"Longitude\", \"Location\": {\"Id\", \"Name\"}}";

    // [LT-Q] "Filtering" example: filter (verbatim).
    private const string DocFilter = "{\"Contains\" : {\"Name\" : \"Building1\"}}";

    // [LT-Q] "Selecting", Response (verbatim).
    private const string TwoSites = """
        [
        {
        "Name": "Building1",
        "IsEnabled": false,
        "CreatedOn": "2022-10-18T14:32:17.023Z",
        "Location": {
        "Name": "Zug",
        "ChildrenCount": 0,
        "Id": "4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236"
        },
        "Id": "2f4978fe-ab1c-4d66-be94-2086d0887a86",
        "CreatedOnLocal": "2022-10-18T14:32:17.023+00:00"
        },
        {
        "Name": "Building2",
        "IsEnabled": false,
        "CreatedOn": "2022-10-18T14:32:17.023Z",
        "Location": {
        "Name": "Zurich",
        "ChildrenCount": 0,
        "Id": "4dc758d7-xy1c-4f4b-bd42-fd95c3cd8236"
        },
        "Id": "2f4978fe-xy1c-4d66-be94-2086d0887a86",
        "CreatedOnLocal": "2022-10-18T14:32:17.023+00:00"
        }
        ]
        """;

    // [LT-Q] "Get information of a specific site by id", Response (verbatim).
    private const string OneSite = """
        [
        {
        "Name": "Building1",
        "IsEnabled": false,
        "CreatedOn": "2022-10-18T14:32:17.023Z",
        "Location": {
        "Name": "Zug",
        "ChildrenCount": 0,
        "Id": "4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236"
        },
        "Id": "2f4978fe-ab1c-4d66-be94-2086d0887a86",
        "CreatedOnLocal": "2022-10-18T14:32:17.023+00:00"
        }
        ]
        """;

    private readonly ContractServer _server = new();

    public void Dispose() => _server.Dispose();

    // [LT-QS] "Authenticate": POST /api/token, form client_id, client_secret, username, password, grant_type=password.
    [Fact]
    public async Task AcquireToken_PasswordGrant_SendsTheQuickStartForm()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/clientprojects", siteScoped: false).WithHeader("select", new ExactMatcher(DefaultSelections.Site.ToHeaderValue())))
            .RespondWith(Json("[]"));
        var client = CreateClient(_server);

        var sites = await client.Sites.GetSitesAsync().ToListAsync();

        Assert.Empty(sites);
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-Q] "Query all sites" / "Selecting": the documented select, sent as written through a raw header.
    [Fact]
    public async Task GetSitesAsync_DocumentedSelect_ParsesTheDocumentedResponse()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/clientprojects", siteScoped: false)
                .WithHeader("select", new ExactMatcher(DocSelect))
                .WithHeader("sort", new ExactMatcher("{\"Id\": \"ascending\"}"))
                .WithHeader("pagination", new ExactMatcher("{\"page\" : 0, \"size\" : 500}")))
            .RespondWith(Json(TwoSites));
        var client = CreateClient(_server);

        var sites = await client.Sites.GetSitesAsync(LifecycleTwinQuery.Empty.WithRawHeader("select", DocSelect)).ToListAsync();

        Assert.Equal(["Building1", "Building2"], sites.Select(s => s.Name));
        Assert.Equal("Zurich", sites[1].Location!.Name);
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-Q] "Use select header in all GET queries": no selection given → the model's default selection is sent.
    [Fact]
    public async Task GetSitesAsync_NoSelection_SendsTheDefaultSelect()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/clientprojects", siteScoped: false)
                .WithHeader("select", new ExactMatcher("{\"Name\", \"Id\", \"CreatedOn\", \"CityName\", \"ModifiedOnLocal\", \"OwnerOrganization\", \"Latitude\", \"Longitude\", \"Location\": {\"Id\", \"Name\", \"ChildrenCount\"}, \"IsEnabled\", \"CreatedOnLocal\"}"))
                .WithHeader("sort", new ExactMatcher("{\"Id\": \"ascending\"}")))
            .RespondWith(Json(TwoSites));
        var client = CreateClient(_server);

        var sites = await client.Sites.GetSitesAsync().ToListAsync();

        Assert.Equal(2, sites.Count);
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-Q] "Get information of a specific site by id": GET /api/clientprojects/{id}, answered with a one-element array.
    [Fact]
    public async Task GetSiteAsync_DocumentedId_UnwrapsTheArray()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/clientprojects/2f4978fe-ab1c-4d66-be94-2086d0887a86", siteScoped: false).WithHeader("select", new ExactMatcher(DocSelect)))
            .RespondWith(Json(OneSite));
        var client = CreateClient(_server);

        var site = await client.Sites.GetSiteAsync("2f4978fe-ab1c-4d66-be94-2086d0887a86", LifecycleTwinQuery.Empty.WithRawHeader("select", DocSelect));

        Assert.Equal("Building1", site.Name);
        Assert.Equal("4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236", site.Location!.Id);
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-Q] "Filtering", Example of the request: filter and select as written.
    [Fact]
    public async Task GetSitesAsync_FilteringExample_SendsFilterAndSelect()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/clientprojects", siteScoped: false)
                .WithHeader("filter", new ExactMatcher(DocFilter))
                .WithHeader("select", new ExactMatcher(DocSelectShort)))
            .RespondWith(Json(OneSite));
        var client = CreateClient(_server);
        var query = LifecycleTwinQuery.Empty
            .WithSelection(Selection.Of("Name", "Id", "CreatedOn", "CityName", "Latitude", "Longitude").With("Location", "Id", "Name"))
            .WithRawHeader("filter", DocFilter);

        var sites = await client.Sites.GetSitesAsync(query).ToListAsync();

        Assert.Equal("Building1", Assert.Single(sites).Name);
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-Q] "Sorting", Example of the request: one sort key, {"Name": "descending"}, as written.
    [Fact]
    public async Task GetSitesAsync_SortingExample_SendsTheOneKey()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/clientprojects", siteScoped: false)
                .WithHeader("filter", new ExactMatcher(DocFilter))
                .WithHeader("sort", new ExactMatcher("{\"Name\": \"descending\"}"))
                .WithHeader("select", new ExactMatcher(DocSelectShort)))
            .RespondWith(Json(OneSite));
        var client = CreateClient(_server);
        var query = LifecycleTwinQuery.Empty
            .WithSelection(Selection.Of("Name", "Id", "CreatedOn", "CityName", "Latitude", "Longitude").With("Location", "Id", "Name"))
            .WithRawHeader("filter", DocFilter)
            .WithSort(Sort.Descending("Name"));

        var sites = await client.Sites.GetSitesAsync(query).ToListAsync();

        Assert.Single(sites);
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-Q] "Pagination", Example of the request: sort {"Name": "ascending"}, Pagination {"page" : 0, "size" : 20}.
    [Fact]
    public async Task GetSitesAsync_PaginationExample_SendsPageZeroOfTwenty()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/clientprojects", siteScoped: false)
                .WithHeader("filter", new ExactMatcher(DocFilter))
                .WithHeader("sort", new ExactMatcher("{\"Name\": \"ascending\"}"))
                .WithHeader("select", new ExactMatcher(DocSelectShort))
                .WithHeader("pagination", new ExactMatcher("{\"page\" : 0, \"size\" : 20}"))) // the doc writes "Pagination"; header names are case-insensitive, WireMock keys are not
            .RespondWith(Json(OneSite));
        var client = CreateClient(_server, pageSize: 20);
        var query = LifecycleTwinQuery.Empty
            .WithSelection(Selection.Of("Name", "Id", "CreatedOn", "CityName", "Latitude", "Longitude").With("Location", "Id", "Name"))
            .WithRawHeader("filter", DocFilter)
            .WithSort(Sort.Ascending("Name"));

        var sites = await client.Sites.GetSitesAsync(query).ToListAsync();

        Assert.Single(sites);
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }
}
