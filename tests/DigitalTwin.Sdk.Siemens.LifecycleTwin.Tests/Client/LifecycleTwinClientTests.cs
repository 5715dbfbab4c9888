using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

public sealed class LifecycleTwinClientTests : IAsyncLifetime
{
    private LifecycleTwinEmulator _emulator = null!;
    private LifecycleTwinClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 1_234 });
        _client = new LifecycleTwinClient(LifecycleTwinFixture.OptionsFor(_emulator));
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task GetSitesAsync_WithSelect_SendsMandatoryHeadersButNoProjectId()
    {
        var query = LifecycleTwinQuery.Empty.WithSelection(Selection.Of("Id", "Name").With("Location", "Id", "Name"));

        var sites = await _client.Sites.GetSitesAsync(query).ToListAsync();

        Assert.Equal(_emulator.Sites.Count, sites.Count);
        Assert.Contains(sites, s => s.Name == "Building1" && s.Location?.Name == "Zug");
        var request = _emulator.Requests.ForPath("/api/clientprojects").First();
        Assert.Equal(_emulator.ClientName, request.Header("clientname"));
        Assert.StartsWith("Bearer ", request.Header("authorization"), StringComparison.Ordinal);
        Assert.Null(request.Header("projectid"));
        Assert.Equal("""{"Id", "Name", "Location": {"Id", "Name"}}""", request.Header("select"));
        Assert.Equal("""{"Id": "ascending"}""", request.Header("sort"));
        Assert.Equal("""{"page" : 0, "size" : 500}""", request.Header("pagination"));
    }

    [Fact]
    public async Task GetSiteAsync_DocumentedSite_ParsesArrayAnswer()
    {
        var site = await _client.Sites.GetSiteAsync("2f4978fe-ab1c-4d66-be94-2086d0887a86");

        Assert.Equal("Building1", site.Name);
        Assert.Equal("4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236", site.Location?.Id);
        Assert.Equal("/api/clientprojects/2f4978fe-ab1c-4d66-be94-2086d0887a86", _emulator.Requests.Snapshot()[^1].Path);
    }

    [Fact]
    public async Task GetSiteAsync_BareObjectAnswer_IsAcceptedToo()
    {
        _emulator.Faults.Add(Fault.Status(200, """{"Id":"solo-id","Name":"Solo","Location":{"Name":"Bern"}}"""), pathPrefix: "/api/clientprojects/solo-id");

        var site = await _client.Sites.GetSiteAsync("solo-id");

        Assert.Equal("Solo", site.Name);
        Assert.Equal("Bern", site.Location?.Name);
    }

    [Fact]
    public async Task GetSiteAsync_EmptyArrayAnswer_ThrowsNotFound()
    {
        _emulator.Faults.Add(Fault.Status(200, "[]"), pathPrefix: "/api/clientprojects/none");

        var ex = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => _client.Sites.GetSiteAsync("none"));

        Assert.Equal("EmptyResult", ex.ErrorCode);
    }

    [Fact]
    public async Task GetSiteAsync_Unknown_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => _client.Sites.GetSiteAsync("00000000-0000-0000-0000-000000000000"));

        Assert.Equal("Siemens Lifecycle Twin", ex.Vendor);
    }

    [Fact]
    public async Task GetAssetsAsync_WalksAllPagesWithStableSortAndNoDuplicates()
    {
        var assets = await _client.Assets.GetAssetsAsync(LifecycleTwinQuery.Empty.WithSelection(Selection.Of("Id", "Name"))).ToListAsync();

        Assert.Equal(_emulator.Assets.Count, assets.Count);
        Assert.Equal(assets.Count, assets.Select(a => a.Id).Distinct().Count());
        var pages = _emulator.Requests.ForPath("/api/assets");
        Assert.All(pages, r => Assert.Equal(_emulator.ProjectId, r.Header("projectid")));
        Assert.All(pages, r => Assert.Equal("""{"Id": "ascending"}""", r.Header("sort")));

        // Pages 0-2 once each (2 is the short last page); page 3 is prefetched while page 2 is awaited and cancelled when 2
        // comes back short, so it may or may not have reached the emulator.
        var requested = pages.Select(p => p.Header("pagination")!).Order(StringComparer.Ordinal).ToArray();
        string[] walked = ["""{"page" : 0, "size" : 500}""", """{"page" : 1, "size" : 500}""", """{"page" : 2, "size" : 500}"""];
        Assert.True(
            requested.SequenceEqual(walked) || requested.SequenceEqual([.. walked, """{"page" : 3, "size" : 500}"""]),
            string.Join(", ", requested));
    }

    [Fact]
    public async Task GetAssetsAsync_CallerSort_SentAsTheOneKeyGiven()
    {
        var query = LifecycleTwinQuery.Empty.WithSort(Sort.Descending("Name"));

        var names = await _client.Assets.GetAssetsAsync(query).Select(a => a.Name!).ToListAsync();

        Assert.Equal(names.OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase).ToList(), names);
        Assert.Equal("""{"Name": "descending"}""", _emulator.Requests.ForPath("/api/assets")[0].Header("sort"));
    }

    [Fact]
    public async Task GetAssetsAsync_EnsureStableSort_AddsIdAsSecondKey()
    {
        var query = LifecycleTwinQuery.Empty.WithSort(Sort.Descending("Name")).EnsureStableSort();

        var assets = await _client.Assets.GetAssetsAsync(query).ToListAsync();

        Assert.Equal(_emulator.Assets.Count, assets.Select(a => a.Id).Distinct().Count());
        Assert.Equal("""{"Name": "descending", "Id": "ascending"}""", _emulator.Requests.ForPath("/api/assets")[0].Header("sort"));
    }

    // Before issue 14 a call without a selection sent no select header, which the service requires on sites and assets:
    // the emulator now answers that with 400, and the client sends the model's default selection instead.
    [Fact]
    public async Task GetSitesAsync_NoQuery_SendsDefaultSelectionAndSortById()
    {
        var sites = await _client.Sites.GetSitesAsync().ToListAsync();

        Assert.Equal(_emulator.Sites.Count, sites.Count);
        Assert.All(sites, s => Assert.NotNull(s.OwnerOrganization?.Id));
        var request = _emulator.Requests.ForPath("/api/clientprojects")[0];
        Assert.Equal(DefaultSelections.Site.ToHeaderValue(), request.Header("select"));
        Assert.Equal("""{"Id": "ascending"}""", request.Header("sort"));
    }

    [Fact]
    public async Task GetAssetAsync_NoQuery_SendsDefaultSelectionAndReadsEveryField()
    {
        var expected = _emulator.Assets[6];

        var asset = await _client.Assets.GetAssetAsync(expected.Id);

        Assert.Equal(expected.SerialNumber, asset.SerialNumber);
        Assert.Equal(expected.CustomFields.Count, asset.CustomFields!.Count);
        Assert.Null(asset.AdditionalProperties);
        Assert.Equal(DefaultSelections.Asset.ToHeaderValue(), _emulator.Requests.ForPath("/api/assets/" + expected.Id)[0].Header("select"));
    }

    [Fact]
    public async Task GetAssetAsync_QueryWithFilterSortAndPage_SendsOnlyTheSelection()
    {
        var query = LifecycleTwinQuery.Empty.WithFields("Name").WithFilter(Filter.Contains("Name", "x")).WithSort(Sort.Ascending("Name")).WithPage(3, 10);

        var asset = await _client.Assets.GetAssetAsync(_emulator.Assets[0].Id, query);

        Assert.Equal(_emulator.Assets[0].Name, asset.Name);
        var request = _emulator.Requests.ForPath("/api/assets/" + _emulator.Assets[0].Id)[0];
        Assert.Equal("""{"Name"}""", request.Header("select"));
        Assert.Null(request.Header("filter"));
        Assert.Null(request.Header("sort"));
        Assert.Null(request.Header("pagination"));
    }

    [Fact]
    public async Task GetAssetsAsync_CallerSelection_SentInsteadOfTheDefault()
    {
        var assets = await _client.Assets.GetAssetsAsync(LifecycleTwinQuery.Empty.WithFields("Name")).ToListAsync();

        Assert.All(assets, a => Assert.Null(a.SerialNumber));
        Assert.Equal("""{"Name"}""", _emulator.Requests.ForPath("/api/assets")[0].Header("select"));
    }

    [Fact]
    public async Task GetEntitiesAsync_NoQuery_SendsIdAndName()
    {
        var systems = await _client.Entities.GetEntitiesAsync("systems").ToListAsync();

        Assert.Equal(_emulator.Systems.Count, systems.Count);
        Assert.Equal("""{"Id", "Name"}""", _emulator.Requests.ForPath("/api/systems")[0].Header("select"));
    }

    [Fact]
    public async Task GetAssetsAsync_FilterByName_ReturnsExactlyTheMatches()
    {
        var query = LifecycleTwinQuery.Empty.WithFilter(Filter.Contains("Name", "pump"));

        var assets = await _client.Assets.GetAssetsAsync(query).ToListAsync();

        var expected = _emulator.Assets.Where(a => a.Name.Contains("pump", StringComparison.OrdinalIgnoreCase)).Select(a => a.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, assets.Select(a => a.Id!).Order().ToList());
        Assert.Equal("""{"contains":{"Name":"pump"}}""", _emulator.Requests.ForPath("/api/assets")[0].Header("filter"));
    }

    [Fact]
    public async Task GetAssetsAsync_CustomFieldAndCollectionPaths_Filter()
    {
        var asset = _emulator.Assets[7];
        var objectId = asset.ModelObjects[0].ObjectId;
        var query = LifecycleTwinQuery.Empty.WithFilter(Filter.Equal(FieldPath.Collection("ModelObjects", "ObjectId"), objectId));

        var found = await _client.Assets.GetAssetsAsync(query).ToListAsync();

        Assert.Contains(found, a => a.Id == asset.Id);
        Assert.All(found, a => Assert.Contains(a.ModelObjects!, m => m.ObjectId == objectId));
    }

    [Fact]
    public async Task AsPages_ContinuationToken_ResumesAtThatPage()
    {
        var pages = _client.Assets.GetAssetsAsync().AsPages(pageSizeHint: 100);
        var firstTwo = await pages.Take(2).ToListAsync();
        var token = firstTwo[1].ContinuationToken;
        _emulator.Requests.Clear();

        var resumed = await _client.Assets.GetAssetsAsync().AsPages(token, 100).FirstAsync();

        Assert.Equal("2", token);
        // The resumed walk starts at page 2, never at 0 or 1. (Pages the first walk prefetched and abandoned may still
        // reach the emulator after the log was cleared, so the log's order proves nothing.)
        var requested = _emulator.Requests.ForPath("/api/assets").Select(r => r.Header("pagination")).ToList();
        Assert.Contains("""{"page" : 2, "size" : 100}""", requested);
        Assert.DoesNotContain("""{"page" : 0, "size" : 100}""", requested);
        Assert.DoesNotContain("""{"page" : 1, "size" : 100}""", requested);
        var all = await _client.Assets.GetAssetsAsync().AsPages(pageSizeHint: 100).Skip(2).FirstAsync();
        Assert.Equal(all.Values.Select(a => a.Id), resumed.Values.Select(a => a.Id));
    }

    [Fact]
    public void AsPages_PageSizeAbove1000_IsRefusedBeforeSending()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _client.Assets.GetAssetsAsync().AsPages(pageSizeHint: 1001).GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());

        Assert.Contains("1000", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests.ForPath("/api/assets"));
    }

    [Fact]
    public async Task SiteScoped_WithoutProjectId_ThrowsBeforeSending()
    {
        var client = new LifecycleTwinClient(LifecycleTwinFixture.OptionsFor(_emulator, withProject: false));

        var ex = Assert.Throws<ArgumentException>(() => client.Assets.GetAssetsAsync());
        await Assert.ThrowsAsync<ArgumentException>(() => client.Documents.GetDocumentAsync("x"));

        Assert.Equal("projectId", ex.ParamName);
        Assert.Equal(0, _emulator.Requests.Count);
    }

    [Fact]
    public async Task Documents_ListAndGet()
    {
        var documents = await _client.Documents.GetDocumentsAsync().ToListAsync();
        var one = await _client.Documents.GetDocumentAsync(documents[3].Id!);

        Assert.Equal(_emulator.Documents.Count, documents.Count);
        Assert.Equal(documents[3].Name, one.Name);
    }

    [Fact]
    public async Task Entities_GenericSystemsAndLocations()
    {
        var systems = await _client.Entities.GetEntitiesAsync("systems").ToListAsync();
        var system = await _client.Entities.GetEntityAsync("systems", systems[0].GetProperty("Id").GetString()!);
        var locations = await _client.Entities.GetEntitiesAsync("locations", LifecycleTwinQuery.Empty.WithSelection(Selection.Of("Id", "Name"))).ToListAsync();

        Assert.Equal(_emulator.Systems.Count, systems.Count);
        Assert.Equal(systems[0].GetProperty("Name").GetString(), system.GetProperty("Name").GetString());
        Assert.Equal(_emulator.Locations.Count, locations.Count);
        Assert.Throws<ArgumentException>(() => _client.Entities.GetEntitiesAsync("../token"));
    }

    [Fact]
    public async Task UnknownSelectField_SurfacesVendorMessage()
    {
        var query = LifecycleTwinQuery.Empty.WithSelection(Selection.Of("Id", "NoSuchField"));

        var ex = await Assert.ThrowsAsync<DigitalTwinApiException>(() => _client.Sites.GetSitesAsync(query).ToListAsync().AsTask());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("NoSuchField", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransientFaults_AreRetried()
    {
        _emulator.Faults.Add(Fault.Status(503, """{"Message":"busy"}"""), pathPrefix: "/api/documents", times: 2);

        var documents = await _client.Documents.GetDocumentsAsync().ToListAsync();

        Assert.Equal(_emulator.Documents.Count, documents.Count);
        Assert.Equal(3, _emulator.Requests.ForPath("/api/documents").Count);
    }

    [Fact]
    public async Task MalformedBody_IsInvalidResponseNotJsonException()
    {
        _emulator.Faults.Add(Fault.MalformedJson(), pathPrefix: "/api/documents");

        var ex = await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(() => _client.Documents.GetDocumentsAsync().ToListAsync().AsTask());

        Assert.Single(_emulator.Requests.ForPath("/api/documents"));
        Assert.NotNull(ex.InnerException);
    }
}
