using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static DigitalTwin.Sdk.Contract.Tests.Tandem.TwinContractSupport;

namespace DigitalTwin.Sdk.Contract.Tests.Tandem;

/// <summary>Saved views of a twin.</summary>
[Trait("Category", "Contract")]
public sealed class ViewContractTests
{
    // Source: autodesk-tandem/tutorial-rest common/tandemClient.js getViews (GET {basePath}/twins/{urn}/views, an array);
    // views/list-views.js reads view.viewName and view.id; views/create-level-views.js writes author, camera, charts,
    // createTime (ISO string), cutPlanes, facets, heatmap, hiddenElements, hud, inventory, label, version: 2, viewName.
    [Fact]
    public async Task GetViews_ArrayOfViews_TypedFieldsAndTheRestKept()
    {
        var views = new JsonArray
        {
            new JsonObject
            {
                ["id"] = "aWQtaG9tZQ",
                ["viewName"] = "Home",
                ["label"] = "",
                ["author"] = "3XVSL72JL2U5",
                ["createTime"] = "2024-03-26T10:15:00.000Z",
                ["version"] = 2,
                ["camera"] = new JsonObject { ["isPerspective"] = true },
                ["facets"] = new JsonObject { ["filters"] = new JsonObject { ["models"] = new JsonArray("urn:adsk.dtm:k5ZZZkIYQ9ixvxFDVBNoTg") } },
                ["hiddenElements"] = new JsonArray(),
            },
            new JsonObject { ["id"] = "aWQtbGV2ZWw", ["viewName"] = "Level 1", ["label"] = "LEVELS", ["version"] = 2, ["createTime"] = "2024-03-27T08:00:00.000Z" },
        };
        using var server = new ContractServer();
        StubClientCredentials(server);
        server.Server
            .Given(Request.Create().WithPath("/tandem/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/views").UsingGet().WithHeader("Authorization", Bearer))
            .WithTitle("GET twins/{twinID}/views")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(views.ToJsonString()));
        using var client = CreateClient(server);

        var read = new List<TwinView>();
        await foreach (var view in client.Twins.GetViewsAsync(TwinUrn.Parse(TwinId)))
        {
            read.Add(view);
        }

        Assert.Equal(["Home", "Level 1"], read.Select(v => v.ViewName));
        Assert.Equal(["", "LEVELS"], read.Select(v => v.Label));
        Assert.Equal("3XVSL72JL2U5", read[0].Author);
        Assert.Equal(new DateTimeOffset(2024, 3, 26, 10, 15, 0, TimeSpan.Zero), read[0].CreateTime);
        Assert.All(read, v => Assert.Equal(2, v.Version));
        Assert.Equal(["camera", "facets", "hiddenElements"], read[0].AdditionalProperties.Keys.Order(StringComparer.Ordinal));
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }
}
