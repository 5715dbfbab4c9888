using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static DigitalTwin.Sdk.Contract.Tests.Tandem.TwinContractSupport;

namespace DigitalTwin.Sdk.Contract.Tests.Tandem;

/// <summary>Twins and groups: the vendor doc example of <c>GET twins/{twinID}</c> and the tutorial-rest calls.</summary>
[Trait("Category", "Contract")]
public sealed class TwinContractTests
{
    // Source: shared/vendor-docs/autodesk-tandem-get-twin.txt, "Example": the curl request (URN in the path with its colons,
    // Authorization: Bearer) and its 200 response body, verbatim.
    [Fact]
    public async Task GetTwin_DocExample_RequestsTheLiteralPathAndReadsTheDocAnswer()
    {
        using var server = new ContractServer();
        StubClientCredentials(server);
        server.Server
            .Given(Request.Create().WithPath("/tandem/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw").UsingGet().WithHeader("Authorization", Bearer))
            .WithTitle("GET twins/{twinID} (doc example)")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(DocTwinJson));
        using var client = CreateClient(server);

        var twin = await client.Twins.GetTwinAsync(TwinUrn.Parse(TwinId));

        Assert.Equal("Mill", twin.GetProperty("Identity Data", "Building Name"));
        Assert.Equal(4, twin.Links.Count);
        Assert.Equal("urn:adsk.dtm:k5ZZZkIYQ9ixvxFDVBNoTg", twin.MainModel!.ModelId);
        Assert.Equal(4, twin.Docs.Count);
        Assert.Equal(new Uri("https://tandem.autodesk.com/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:4uY1NEJjTpGiuG9kGMLG7w/content?lastupdated=1654016445"), twin.Docs[0].SignedLink);
        Assert.Equal("1690357603997", twin.Etag);
        Assert.Contains("/tandem/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw", UrlOf(server, "/tandem/v1/twins"), StringComparison.Ordinal);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Source: autodesk-tandem/tutorial-rest common/tandemClient.js checkFacilityAccess: HEAD {basePath}/twins/{facilityId}
    // with the bearer.
    [Fact]
    public async Task Exists_Head_OnTheTwinPath()
    {
        using var server = new ContractServer();
        StubClientCredentials(server);
        server.Server
            .Given(Request.Create().WithPath("/tandem/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw").UsingHead().WithHeader("Authorization", Bearer))
            .WithTitle("HEAD twins/{twinID}")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("x-dt-access-level", "Owner"));
        using var client = CreateClient(server);

        Assert.True(await client.Twins.ExistsAsync(TwinUrn.Parse(TwinId)));
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Source: tutorial-rest common/tandemClient.js getUserFacilities: GET {basePath}/users/@me/twins, a map of twin URN to
    // twin settings (the settings shape of the doc example).
    [Fact]
    public async Task GetMyTwins_MapOfUrnToSettings()
    {
        using var server = new ContractServer();
        StubClientCredentials(server);
        server.Server
            .Given(Request.Create().WithPath("/tandem/v1/users/@me/twins").UsingGet().WithHeader("Authorization", Bearer))
            .WithTitle("GET users/@me/twins")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"" + TwinId + "\":" + DocTwinJson + "}"));
        using var client = CreateClient(server);

        var mine = new List<TandemTwinListItem>();
        await foreach (var item in client.Twins.GetMyTwinsAsync())
        {
            mine.Add(item);
        }

        Assert.Equal(TwinId, Assert.Single(mine).TwinId);
        Assert.Equal("Mill", mine[0].Twin.GetProperty("Identity Data", "Building Name"));
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }

    // Source: tutorial-rest common/tandemClient.js getGroups, getGroup, getGroupFacilities (GET {basePath}/groups,
    // groups/{groupId}, groups/{groupId}/twins); group fields urn, name, accessLevel from adsk-duszykf/Adsk.Platform.Toolkit.dotNet
    // Autodesk.Tandem/GeneratedCode/Tandem/V1/Groups/GroupsGetResponse.cs. The group URN travels with its colons.
    [Fact]
    public async Task Groups_ListOneAndItsTwins()
    {
        const string groupId = "urn:adsk.dtg:ysqziKwTSCejQaUVfqj32Q";
        const string group = "{\"urn\":\"" + groupId + "\",\"name\":\"Autodesk Samples\",\"accessLevel\":\"Owner\",\"owner\":\"3XVSL72JL2U5\"}";
        using var server = new ContractServer();
        StubClientCredentials(server);
        server.Server.Given(Request.Create().WithPath("/tandem/v1/groups").UsingGet().WithHeader("Authorization", Bearer)).WithTitle("GET groups")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("[" + group + "]"));
        server.Server.Given(Request.Create().WithPath("/tandem/v1/groups/" + groupId).UsingGet().WithHeader("Authorization", Bearer)).WithTitle("GET groups/{groupID}")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(group));
        server.Server.Given(Request.Create().WithPath("/tandem/v1/groups/" + groupId + "/twins").UsingGet().WithHeader("Authorization", Bearer)).WithTitle("GET groups/{groupID}/twins")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"" + TwinId + "\":" + DocTwinJson + "}"));
        using var client = CreateClient(server);

        var groups = new List<string?>();
        await foreach (var g in client.Groups.GetGroupsAsync())
        {
            groups.Add(g.Urn);
        }

        var one = await client.Groups.GetGroupAsync(groupId);
        var twins = new List<string>();
        await foreach (var t in client.Groups.GetTwinsAsync(groupId))
        {
            twins.Add(t.TwinId);
        }

        Assert.Equal([groupId], groups);
        Assert.Equal("Autodesk Samples", one.Name);
        Assert.Equal([TwinId], twins);
        server.AssertNoUnmatchedRequests();
        server.AssertAllStubsHit();
    }
}
