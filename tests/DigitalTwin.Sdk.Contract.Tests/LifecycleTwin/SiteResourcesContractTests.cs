using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using WireMock.Matchers;
using static DigitalTwin.Sdk.Contract.Tests.LifecycleTwin.LifecycleTwinContract;

namespace DigitalTwin.Sdk.Contract.Tests.LifecycleTwin;

/// <summary>
/// Site-scoped reads (<c>projectid</c> header): <c>/api/assets</c>, <c>/api/documents</c> and the untyped entities,
/// with the filters and selects the vendor documents and pages write.
/// </summary>
[Trait("Category", "Contract")]
public sealed class SiteResourcesContractTests : IDisposable
{
    // Assets: no vendor page shows an asset response; this body is composed from the values of the documented filter
    // examples ([LT-Q] "Filtering", [LT-QS] "Fetch the data") and is marked unverified in docs/wire-conformance.md.
    private const string Asset = """
        [
          {
            "Name": "ISB-020-000--000_1000319",
            "Systems": [ { "Id": "b7da56c7-f498-40f7-9104-80ba51cd62ba" } ],
            "ModelObjects": [ { "ObjectId": "41958798-cb80-4c0b-bfaf-63e53192c615-0007b076" } ],
            "CustomFields": [ { "Id": "4be891a7-58c8-4f14-8b5b-e878fe3016f3", "Value": 3 } ],
            "Id": "0b0e4a3c-6a8e-4a57-9b1f-3f4a9f1b2c01"
          }
        ]
        """;

    // [LT-CF] .../examples/documents/create-folder.html "Example" with the Id its response returns; [LT-FD] lists folders.
    private const string Folder = """
        [
          {
            "Name": "DWG Drawings",
            "Parent": { "Id": "723d3996-6b6d-4429-93bc-0d9bb4472e31" },
            "IsFolder": true,
            "Id": "9c1c4a0e-5a5f-4c55-8f0e-0c6f3b1d2a11"
          }
        ]
        """;

    // [LT-MD] .../examples/documents/modify-document.html "Example" (verbatim), as the one-element array of a get-by-id.
    private const string ModifiedDocument = """
        [
        {
            "Id": "841054dd-ce63-4e93-b176-0753ff2ec1eb",
            "Name": "2012-03-23-Duplex-Programming.xlsx",
            "Category": {
                "Id": "734e44c5-fcf8-e011-b8c2-00101832264b"
            }
        }
        ]
        """;

    // [LT-CFS] .../examples/customfields/custom-fields.html "Response sample" (verbatim).
    private const string CustomFields = """
        [
            {
                "Name": "Address",
                "FieldType": {
                    "Name": "Text",
                    "DataType": 3,
                    "Description": "The attribute data should be interpreted as a string of text.",
                    "IsSystem": true,
                    "Id": "110cc2e6-5cae-4e6c-a435-19fe184acee0"
                },
                "IsSystem": false,
                "IsReadonly": false,
                "MaxLength": 0,
                "Id": "ba37e9b8-f7c4-4a21-a0c7-2154260ee732"
            }
        ]
        """;

    // [LT-AM] .../guide/assets/assets-management.html "Get all buildings of a site" Response, first item (verbatim).
    private const string Facility = """
        [
            {
                "Name": "Mapping test",
                "Address": "13",
                "ShortId": 15,
                "Specifications": [],
                "CustomFields": [],
                "CreatedOn": "2025-03-27T17:05:13.147Z",
                "ModifiedOn": "2025-03-28T13:14:57.21Z",
                "Id": "45902784-c0e8-430c-87fe-1454dd82b88c",
                "CreatedOnLocal": "2025-03-27T18:05:13.147+01:00",
                "ModifiedOnLocal": "2025-03-28T14:14:57.21+01:00"
            }
        ]
        """;

    private readonly ContractServer _server = new();

    public void Dispose() => _server.Dispose();

    // [LT-Q] "Filtering": {"equals":{"Name":"ISB-020-000--000_1000319"}}; projectid on site resources; default select.
    [Fact]
    public async Task GetAssetsAsync_FilterByName_SendsDocumentedFilterAndDefaultSelect()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/assets", siteScoped: true)
                .WithHeader("filter", new ExactMatcher("{\"equals\":{\"Name\":\"ISB-020-000--000_1000319\"}}"))
                .WithHeader("select", new ExactMatcher(DefaultSelections.Asset.ToHeaderValue()))
                .WithHeader("sort", new ExactMatcher("{\"Id\": \"ascending\"}"))
                .WithHeader("pagination", new ExactMatcher("{\"page\" : 0, \"size\" : 500}")))
            .RespondWith(Json(Asset));
        var client = CreateClient(_server);

        var assets = await client.Assets.GetAssetsAsync(LifecycleTwinQuery.Empty.WithFilter(Filter.Equal("Name", "ISB-020-000--000_1000319"))).ToListAsync();

        var asset = Assert.Single(assets);
        Assert.Equal("b7da56c7-f498-40f7-9104-80ba51cd62ba", asset.Systems![0].Id);
        Assert.Equal(3, asset.CustomFields![0].Value!.Value.GetInt32());
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-Q] "Filtering": referenced (Systems.Id) and collection (ModelObjects[].ObjectId) paths; [LT-QS] custom field
    // path CustomFields[<id>].Value with the number 3; [LT-QS] select {"Id", "Name", "CustomFields" : {"Id", "Value"}}.
    [Fact]
    public async Task GetAssetsAsync_DocumentedPaths_SendTheDocumentedFilters()
    {
        StubPasswordGrant(_server);
        const string QuickStartSelect = "{\"Id\", \"Name\", \"CustomFields\" : {\"Id\", \"Value\"}}";
        foreach (var filter in new[]
        {
            "{\"equals\":{\"Systems.Id\":\"b7da56c7-f498-40f7-9104-80ba51cd62ba\"}}",
            "{\"equals\":{\"ModelObjects[].ObjectId\":\"41958798-cb80-4c0b-bfaf-63e53192c615-0007b076\"}}",
            "{\"equals\":{\"CustomFields[4be891a7-58c8-4f14-8b5b-e878fe3016f3].Value\":3}}",
        })
        {
            _server.Server.Given(Get("/api/assets", siteScoped: true).WithHeader("filter", new ExactMatcher(filter)).WithHeader("select", new ExactMatcher(QuickStartSelect)))
                .WithTitle(filter)
                .RespondWith(Json(Asset));
        }

        var client = CreateClient(_server);
        var select = LifecycleTwinQuery.Empty.WithRawHeader("select", QuickStartSelect);
        Filter[] filters =
        [
            Filter.Equal(FieldPath.Referenced("Systems", "Id"), "b7da56c7-f498-40f7-9104-80ba51cd62ba"),
            Filter.Equal(FieldPath.Collection("ModelObjects", "ObjectId"), "41958798-cb80-4c0b-bfaf-63e53192c615-0007b076"),
            Filter.Equal(FieldPath.CustomField(Guid.Parse("4be891a7-58c8-4f14-8b5b-e878fe3016f3")), 3),
        ];

        foreach (var filter in filters)
        {
            Assert.Single(await client.Assets.GetAssetsAsync(select.WithFilter(filter)).ToListAsync());
        }

        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-Q] "GET method with {id} parameter returns a specific resource": GET /api/assets/{id}, one-element array.
    [Fact]
    public async Task GetAssetAsync_ById_SendsProjectIdAndDefaultSelect()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/assets/0b0e4a3c-6a8e-4a57-9b1f-3f4a9f1b2c01", siteScoped: true)
                .WithHeader("select", new ExactMatcher(DefaultSelections.Asset.ToHeaderValue())))
            .RespondWith(Json(Asset));
        var client = CreateClient(_server);

        var asset = await client.Assets.GetAssetAsync("0b0e4a3c-6a8e-4a57-9b1f-3f4a9f1b2c01");

        Assert.Equal("ISB-020-000--000_1000319", asset.Name);
        Assert.Equal("41958798-cb80-4c0b-bfaf-63e53192c615-0007b076", asset.ModelObjects![0].ObjectId);
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-FD] .../examples/documents/find-document.html "Get subfolders of the folder": the filter as written.
    [Fact]
    public async Task GetDocumentsAsync_SubfoldersExample_SendsTheDocumentedFilter()
    {
        const string Subfolders = "{\"bool\":{\"must\":[{\"equals\":{\"IsFolder\":true}}, {\"equals\": {\"Parent.Id\": \"723d3996-6b6d-4429-93bc-0d9bb4472e31\"}}]}}";
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/documents", siteScoped: true)
                .WithHeader("filter", new ExactMatcher(Subfolders))
                .WithHeader("select", new ExactMatcher(DefaultSelections.Document.ToHeaderValue())))
            .RespondWith(Json(Folder));
        var client = CreateClient(_server);

        var folders = await client.Documents.GetDocumentsAsync(LifecycleTwinQuery.Empty.WithRawHeader("filter", Subfolders)).ToListAsync();

        var folder = Assert.Single(folders);
        Assert.True(folder.IsFolder);
        Assert.Equal("723d3996-6b6d-4429-93bc-0d9bb4472e31", folder.Parent!.Id);
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-MD] .../examples/documents/modify-document.html: the document the example edits, read by id.
    [Fact]
    public async Task GetDocumentAsync_ById_ReadsCategoryReference()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/documents/841054dd-ce63-4e93-b176-0753ff2ec1eb", siteScoped: true)
                .WithHeader("select", new ExactMatcher(DefaultSelections.Document.ToHeaderValue())))
            .RespondWith(Json(ModifiedDocument));
        var client = CreateClient(_server);

        var document = await client.Documents.GetDocumentAsync("841054dd-ce63-4e93-b176-0753ff2ec1eb");

        Assert.Equal("734e44c5-fcf8-e011-b8c2-00101832264b", document.Category!.Id);
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-CFS] .../examples/customfields/custom-fields.html "Get list of custom fields": portfolio-wide, no projectid.
    [Fact]
    public async Task GetEntitiesAsync_CustomFields_PortfolioWide()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/customfields", siteScoped: false).WithHeader("select", new ExactMatcher("{\"Id\", \"Name\"}")))
            .RespondWith(Json(CustomFields));
        var client = CreateClient(_server);

        var fields = await client.Entities.GetEntitiesAsync("customfields", siteScoped: false).ToListAsync();

        Assert.Equal("Address", Assert.Single(fields).GetProperty("Name").GetString());
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }

    // [LT-AM] .../guide/assets/assets-management.html "Get all buildings of a site": GET /facilities with projectId,
    // pagination and select (all mandatory there); by id as [LT-Q] describes get-by-id.
    [Fact]
    public async Task GetEntityAsync_Facility_SendsProjectIdAndSelect()
    {
        StubPasswordGrant(_server);
        _server.Server.Given(Get("/api/facilities", siteScoped: true)
                .WithHeader("select", new ExactMatcher("{\"Id\", \"Name\"}"))
                .WithHeader("pagination", new ExactMatcher("{\"page\" : 0, \"size\" : 500}")))
            .RespondWith(Json(Facility));
        _server.Server.Given(Get("/api/facilities/45902784-c0e8-430c-87fe-1454dd82b88c", siteScoped: true).WithHeader("select", new ExactMatcher("{\"Id\", \"Name\"}")))
            .RespondWith(Json(Facility));
        var client = CreateClient(_server);

        var listed = Assert.Single(await client.Entities.GetEntitiesAsync("facilities").ToListAsync());
        var byId = await client.Entities.GetEntityAsync("facilities", "45902784-c0e8-430c-87fe-1454dd82b88c");

        Assert.Equal("Mapping test", listed.GetProperty("Name").GetString());
        Assert.Equal(15, byId.GetProperty("ShortId").GetInt32());
        _server.AssertNoUnmatchedRequests();
        _server.AssertAllStubsHit();
    }
}
