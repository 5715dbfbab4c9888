using System.Text.Json;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Siemens.BuildingX;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace DigitalTwin.Sdk.Contract.Tests.BuildingX;

/// <summary>
/// Every Building X endpoint the SDK offers, against stubs built from the vendor's literal examples. Sources:
/// [BX-DG] shared/vendor-docs/siemens-building-x-developer-guide.txt; [BX-ACC] the vendor's Accounts API OpenAPI
/// document 0.9.5 (JigarJoshi04/Swagger-to-sdk, input/accounts.openapi.yaml); [BX-QS] developer.siemens.com Accounts
/// API quick start (token example); [BX-PV] developer.siemens.com Operations API reference "Get Point Values" (mirrored
/// at developers.qodex.ai/siemens-xcelerator-developer-portal/operations-api/...); [CL] CloudlineSolutions/buildingx-operations-api
/// (http.go, device.go, point.go, location.go).
/// </summary>
[Trait("Category", "Contract")]
public sealed class BuildingXContractTests
{
    private const string Partition = "5435b9ac-8823-9e89-804bd4710e90";
    private const string Ops = BuildingXContract.OperationsPath;
    private const string Acc = BuildingXContract.AccountsPath;

    // [BX-DG] "Authentication" + [BX-QS] "Create a token": the JSON body with audience and grant_type, and its example answer.
    [Fact]
    public async Task Token_ClientCredentialsWithAudience_IsTheDocumentedJsonBody()
    {
        using var contract = new BuildingXContract();
        contract.Get("user groups", Acc + "/me/usergroups", new Dictionary<string, string>(), """{"links":{"self":"/me/usergroups"},"data":[]}""");
        var client = contract.CreateClient();

        var groups = await client.Account.GetUserGroupsAsync().ToListAsync();

        Assert.Empty(groups);
        var token = Assert.Single(contract.Server.Server.LogEntries, e => e.RequestMessage!.Path == "/oauth/token");
        Assert.Equal("POST", token.RequestMessage!.Method);
        contract.AssertContract();
    }

    // [BX-ACC] GET /me/usergroups: the UserGroupList example (relative links "/me/usergroups?page[cursor]=qwerty").
    [Fact]
    public async Task GetUserGroups_RelativeNextLink_IsFollowedBelowTheAccountsBase()
    {
        using var contract = new BuildingXContract();
        contract.Get("user groups page 1", Acc + "/me/usergroups", new Dictionary<string, string>(), """
            {"links":{"self":"/me/usergroups","next":"/me/usergroups?page[cursor]=qwerty"},
             "data":[{"type":"UserGroup","id":"f68a9762-9679-4c17-9012-ec9271f4087f",
               "attributes":{"name":"CustomerOperator","description":"Customer Operator for managing user groups","isMachineEnabled":true,"isSystemDefined":true},
               "relationships":{"hasAccessTo":{"data":[{"type":"Partition","id":"e0e662a9-c7a9-495a-a345-e06436d41941"}]},
                 "authorizedAs":{"data":[{"type":"Role","id":"38c5b37e-1143-4760-98b9-0bf15fdf2c6f"}]},
                 "ownedBy":{"data":{"type":"Customer","id":"fee69bee-d108-4c30-9595-47d40b1e24ed"}}}}]}
            """, priority: 20);

        // The last page is not in the document; it is the example's list shape without a next link.
        contract.Get("user groups page 2", Acc + "/me/usergroups", new Dictionary<string, string> { ["page[cursor]"] = "qwerty" }, """{"links":{"self":"/me/usergroups?page[cursor]=qwerty"},"data":[]}""", priority: 1);
        var client = contract.CreateClient();

        var group = Assert.Single(await client.Account.GetUserGroupsAsync().ToListAsync());

        Assert.Equal("CustomerOperator", group.Attributes!.Name);
        Assert.True(group.Attributes.IsMachineEnabled);
        Assert.Equal(["e0e662a9-c7a9-495a-a345-e06436d41941"], group.PartitionIds);
        Assert.Equal("fee69bee-d108-4c30-9595-47d40b1e24ed", group.CustomerId);
        contract.AssertExactQuery(Acc + "/me/usergroups", new Dictionary<string, string>(), new Dictionary<string, string> { ["page[cursor]"] = "qwerty" });
        contract.AssertContract();
    }

    // [BX-ACC] CustomerList (links /me/customers) and Customer schema examples.
    [Fact]
    public async Task GetCustomers_IsMeCustomersOfTheAccountsApi()
    {
        using var contract = new BuildingXContract();
        contract.Get("customers", Acc + "/me/customers", new Dictionary<string, string>(), """
            {"links":{"self":"/me/customers"},
             "data":[{"type":"Customer","id":"f68a9762-9679-4c17-9012-ec9271f4087f","attributes":{"name":"test-customer-name","customerMembershipState":{"state":"active"}},"meta":{"updatedBy":"cde"}}]}
            """);
        var client = contract.CreateClient();

        var customer = Assert.Single(await client.Account.GetCustomersAsync().ToListAsync());

        Assert.Equal("test-customer-name", customer.Attributes!.Name);
        Assert.Equal("active", customer.Attributes.AdditionalProperties!["customerMembershipState"].GetProperty("state").GetString());
        contract.AssertContract();
    }

    // [BX-ACC] GET /customers/{customerId}/partitions with include=ownedByCustomer.name; PartitionList example.
    [Fact]
    public async Task GetPartitions_OfACustomer_IncludesTheOwningCustomer()
    {
        const string customerId = "8e9833b5-b844-40a3-8572-4a16d29c53bc";
        using var contract = new BuildingXContract();
        contract.Get("partitions", $"{Acc}/customers/{customerId}/partitions", new Dictionary<string, string> { ["include"] = "ownedByCustomer.name" }, $$$$$"""
            {"links":{"self":"/customers/{{{{{customerId}}}}}/partitions"},
             "data":[{"type":"Partition","id":"{{{{{Partition}}}}}","attributes":{"name":"HQ","description":"sample partition"},
               "relationships":{"ownedByCustomer":{"data":{"type":"Customer","id":"209d38aa-02c1-48ab-bf37-2716f1ddfeb6"}}}}],
             "included":[{"type":"Customer","id":"209d38aa-02c1-48ab-bf37-2716f1ddfeb6","attributes":{"name":"Contoso"}}]}
            """);
        var client = contract.CreateClient();

        var partition = Assert.Single(await client.Partitions.GetPartitionsAsync(customerId, new JsonApiQuery().Include("ownedByCustomer.name")).ToListAsync());

        Assert.Equal("sample partition", partition.Attributes!.Description);
        Assert.Equal("209d38aa-02c1-48ab-bf37-2716f1ddfeb6", partition.CustomerId);
        Assert.Equal("Contoso", partition.GetRelated("ownedByCustomer")[0].Attributes.GetProperty("name").GetString());
        contract.AssertExactQuery($"{Acc}/customers/{customerId}/partitions", new Dictionary<string, string> { ["include"] = "ownedByCustomer.name" });
        contract.AssertContract();
    }

    // [BX-DG] "Filtering": GET /partitions/5435b9ac-8823-9e89-804bd4710e90/devices?filter[serialNumber]=12345.
    [Fact]
    public async Task GetDevices_GuideFilterExample_IsNestedUnderThePartition()
    {
        using var contract = new BuildingXContract();
        contract.Get("devices", $"{Ops}/partitions/{Partition}/devices", new Dictionary<string, string> { ["filter[serialNumber]"] = "12345" }, $$$$$"""
            {"links":{"self":"/partitions/{{{{{Partition}}}}}/devices?filter[serialNumber]=12345"},
             "data":[{"type":"Device","id":"d1","attributes":{"serialNumber":"12345","modelName":"PXC4"}}]}
            """);
        var client = contract.CreateClient();

        var device = Assert.Single(await client.Devices.GetDevicesAsync(Partition, new JsonApiQuery().Filter("serialNumber", "12345")).ToListAsync());

        Assert.Equal("12345", device.Attributes!.SerialNumber);
        contract.AssertExactQuery($"{Ops}/partitions/{Partition}/devices", new Dictionary<string, string> { ["filter[serialNumber]"] = "12345" });
        contract.AssertContract();
    }

    // [BX-DG] "Controlling Page Size": ?page[limit]=5, then the next link until it is absent; [BX-PV] shows next links
    // relative to the API ("/partitions/..."), which must resolve below /api/openness/operations.
    // [CL] device.go asks for include=hasFeatures.DeviceInfo,hasFeatures.Connectivity and reads DeviceInfo from included.
    [Fact]
    public async Task GetDevices_PageLimitAndRelativeNextLink_WalkEveryPageWithTheInclude()
    {
        using var contract = new BuildingXContract();
        var first = new Dictionary<string, string> { ["page[limit]"] = "5", ["include"] = "hasFeatures.DeviceInfo,hasFeatures.Connectivity" };
        var second = new Dictionary<string, string> { ["page[limit]"] = "5", ["page[cursor]"] = "qwerty", ["include"] = "hasFeatures.DeviceInfo,hasFeatures.Connectivity" };
        contract.Get("devices page 1", $"{Ops}/partitions/{Partition}/devices", first, $$$$$"""
            {"links":{"self":"/partitions/{{{{{Partition}}}}}/devices?page[limit]=5","next":"/partitions/{{{{{Partition}}}}}/devices?page[limit]=5&page[cursor]=qwerty"},
             "data":[{"type":"Device","id":"gw","attributes":{"modelName":"X300","serialNumber":"1"},"relationships":{"hasFeatures":{"data":[{"type":"DeviceInfo","id":"gw-info"}]}}}],
             "included":[{"type":"DeviceInfo","id":"gw-info","attributes":{"name":"Gateway","description":"Main gateway"},"relationships":{"hasDevice":{"data":{"type":"Device","id":"gw"}}}}]}
            """, priority: 20);
        contract.Get("devices page 2", $"{Ops}/partitions/{Partition}/devices", second, $$$$$"""
            {"links":{"self":"/partitions/{{{{{Partition}}}}}/devices?page[limit]=5&page[cursor]=qwerty"},
             "data":[{"type":"Device","id":"pxc","attributes":{"modelName":"PXC4","serialNumber":"2"}}]}
            """, priority: 1);
        var client = contract.CreateClient();

        var devices = await client.Devices.GetDevicesAsync(Partition, new JsonApiQuery().PageLimit(5).Include("hasFeatures.DeviceInfo", "hasFeatures.Connectivity")).ToListAsync();

        Assert.Equal(["gw", "pxc"], devices.Select(d => d.Id));
        Assert.Equal("Gateway", devices[0].GetRelated("hasFeatures.DeviceInfo")[0].Attributes.GetProperty("name").GetString());
        contract.AssertExactQuery($"{Ops}/partitions/{Partition}/devices", first, second);
        contract.AssertContract();
    }

    // [CL] device.go GetSingleDevice: devices/{id} below operations/partitions/{partition}/.
    [Fact]
    public async Task GetDevice_IsNestedUnderThePartition()
    {
        using var contract = new BuildingXContract();
        contract.Get("device", $"{Ops}/partitions/{Partition}/devices/d1", new Dictionary<string, string>(), """
            {"data":{"type":"Device","id":"d1","attributes":{"modelName":"PXC4","serialNumber":"12345"},"relationships":{"hasFeatures":{"data":[{"type":"DeviceInfo","id":"i1"}]}}}}
            """);
        var client = contract.CreateClient();

        var device = await client.Devices.GetDeviceAsync(Partition, "d1");

        Assert.Equal("12345", device.Attributes!.SerialNumber);
        contract.AssertContract();
    }

    // [CL] device.go GetDevicesByGateway: devices/{gatewayId}/devices?include=hasFeatures.DeviceInfo below the partition.
    [Fact]
    public async Task GetChildDevices_IsNestedUnderThePartition()
    {
        using var contract = new BuildingXContract();
        contract.Get("child devices", $"{Ops}/partitions/{Partition}/devices/gw/devices", new Dictionary<string, string> { ["include"] = "hasFeatures.DeviceInfo" }, """
            {"data":[{"type":"Device","id":"pxc","attributes":{"modelName":"PXC4","serialNumber":"2"},"relationships":{"hasFeatures":{"data":[{"type":"DeviceInfo","id":"pxc-info"}]}}}],
             "included":[{"type":"DeviceInfo","id":"pxc-info","attributes":{"name":"Room controller"},"relationships":{"hasDevice":{"data":{"type":"Device","id":"pxc"}}}}]}
            """);
        var client = contract.CreateClient();

        var child = Assert.Single(await client.Devices.GetChildDevicesAsync(Partition, "gw", new JsonApiQuery().Include("hasFeatures.DeviceInfo")).ToListAsync());

        Assert.Equal("pxc", child.Id);
        contract.AssertExactQuery($"{Ops}/partitions/{Partition}/devices/gw/devices", new Dictionary<string, string> { ["include"] = "hasFeatures.DeviceInfo" });
        contract.AssertContract();
    }

    // [BX-DG] "HTTP Status Codes" (404) and "JSON Error Object": a 404 on child devices is an error, never "no children".
    [Fact]
    public async Task GetChildDevices_404_IsATypedNotFoundError()
    {
        using var contract = new BuildingXContract();
        contract.Get("child devices 404", $"{Ops}/partitions/{Partition}/devices/unknown/devices", new Dictionary<string, string>(),
            """{"errors":[{"id":"2e92b826-8d7f-4a86-bf84-241c02c1b90a","status":"404","code":"34-0404","title":"Not found"}]}""", status: 404, requestId: "2e92b826-8d7f-4a86-bf84-241c02c1b90a");
        var client = contract.CreateClient();

        var error = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => client.Devices.GetChildDevicesAsync(Partition, "unknown").ToListAsync().AsTask());

        Assert.Equal("2e92b826-8d7f-4a86-bf84-241c02c1b90a", error.RequestId);
        contract.AssertContract();
    }

    // [CL] point.go GetPointsByDevice: devices/{id}/points?field[Point]=pointValue (also the field[Point]=pointValue of
    // public TypeScript clients); attributes name, dataType, pointValue {value, timestamp}.
    [Fact]
    public async Task GetPoints_FieldPointValue_IsTypedPerResourceType()
    {
        using var contract = new BuildingXContract();
        contract.Get("points", $"{Ops}/partitions/{Partition}/devices/pxc/points", new Dictionary<string, string> { ["field[Point]"] = "pointValue" }, """
            {"data":[{"type":"Point","id":"p1","attributes":{"name":"Temperature","dataType":"number",
              "systemAttributes":{"curStatus":"ok","description":"Room temperature","writable":"m:"},
              "pointValue":{"value":"21.5","timestamp":"2022-04-26T13:15:53Z"}}}]}
            """);
        var client = contract.CreateClient();

        var point = Assert.Single(await client.Points.GetPointsAsync(Partition, "pxc", new JsonApiQuery().Field("Point", "pointValue")).ToListAsync());

        Assert.Equal("number", point.Attributes!.DataType);
        Assert.Equal("21.5", point.Attributes.PointValue!.Value!.Value.GetString());
        Assert.Equal(new DateTimeOffset(2022, 4, 26, 13, 15, 53, TimeSpan.Zero), point.Attributes.PointValue.Timestamp);
        contract.AssertExactQuery($"{Ops}/partitions/{Partition}/devices/pxc/points", new Dictionary<string, string> { ["field[Point]"] = "pointValue" });
        contract.AssertContract();
    }

    // [CL] point.go GetSinglePoint: points/{id}?field[Point]=pointValue below the partition.
    [Fact]
    public async Task GetPoint_IsNestedUnderThePartition()
    {
        using var contract = new BuildingXContract();
        contract.Get("point", $"{Ops}/partitions/{Partition}/points/p1", new Dictionary<string, string> { ["field[Point]"] = "pointValue" }, """
            {"data":{"type":"Point","id":"p1","attributes":{"name":"Temperature","dataType":"number","pointValue":{"value":"21.5","timestamp":"2022-04-26T13:15:53Z"}}}}
            """);
        var client = contract.CreateClient();

        var point = await client.Points.GetPointAsync(Partition, "p1", new JsonApiQuery().Field("Point", "pointValue"));

        Assert.Equal("Temperature", point.Attributes!.Name);
        contract.AssertExactQuery($"{Ops}/partitions/{Partition}/points/p1", new Dictionary<string, string> { ["field[Point]"] = "pointValue" });
        contract.AssertContract();
    }

    // [BX-PV] "Get Point Values": filter[timestamp][from] (required) and [to], the example answer verbatim, and its next
    // link relative to the API ("/partitions/.../values?...&page[cursor]=qwerty").
    [Fact]
    public async Task GetPointValues_ReferenceExample_SendsFromAndFollowsTheRelativeNextLink()
    {
        const string partition = "b2ae267d-1d74-4e2a-bff8-e7c90a3b854a";
        const string point = "2d55baf8-b5af-4fd1-8af6-187e67f527f9";
        var path = $"{Ops}/partitions/{partition}/points/{point}/values";
        var first = new Dictionary<string, string> { ["filter[timestamp][from]"] = "2021-07-08T12:44:56.447Z", ["filter[timestamp][to]"] = "2021-07-08T13:44:56.447Z" };
        var second = new Dictionary<string, string>(first) { ["page[cursor]"] = "qwerty" };
        using var contract = new BuildingXContract();
        contract.Get("values page 1", path, first, """
            {"links":{"self":"/partitions/b2ae267d-1d74-4e2a-bff8-e7c90a3b854a/points/2d55baf8-b5af-4fd1-8af6-187e67f527f9/values?filter[timestamp][from]=2021-07-08T12:44:56.447Z\u0026filter[timestamp][to]=2021-07-08T13:44:56.447Z",
                      "next":"/partitions/b2ae267d-1d74-4e2a-bff8-e7c90a3b854a/points/2d55baf8-b5af-4fd1-8af6-187e67f527f9/values?filter[timestamp][from]=2021-07-08T12:44:56.447Z\u0026filter[timestamp][to]=2021-07-08T13:44:56.447Z\u0026page[cursor]=qwerty"},
             "data":[{"type":"PointValue","id":"cov-e7c6d033-c305-410a-a248-f7a1e6289841-2021-07-08T12:44:56.447Z","attributes":{"value":"on","timestamp":"2021-02-04T19:07:53.158Z","targetValue":"on","qualityOfValue":0}},
                     {"type":"PointValue","id":"cov-e7c6d033-c305-410a-a248-f7a1e6289841-2021-07-08T12:44:56.447Z","attributes":{"value":"on","timestamp":"1997-12-26T13:29:57.081Z","targetValue":"on","qualityOfValue":2}}]}
            """, priority: 20);

        // The last page is not in the reference; it is the example's shape without a next link.
        contract.Get("values page 2", path, second, """{"links":{"self":"/partitions/b2ae267d-1d74-4e2a-bff8-e7c90a3b854a/points/2d55baf8-b5af-4fd1-8af6-187e67f527f9/values"},"data":[]}""", priority: 1);
        var client = contract.CreateClient();
        var from = new DateTimeOffset(2021, 7, 8, 12, 44, 56, 447, TimeSpan.Zero);

        var values = await client.Points.GetPointValuesAsync(partition, point, from, from.AddHours(1)).ToListAsync();

        Assert.Equal(2, values.Count);
        Assert.Equal("on", values[0].Attributes!.Value!.Value.GetString());
        Assert.Equal(2, values[1].Attributes!.QualityOfValue);
        contract.AssertExactQuery(path, first, second);
        contract.AssertContract();
    }

    // [CL] location.go GetLocations: locations?filter[type]=Building&include=hasPostalAddress below the partition.
    [Fact]
    public async Task GetLocations_BuildingsWithPostalAddress_AreNestedUnderThePartition()
    {
        using var contract = new BuildingXContract();
        var query = new Dictionary<string, string> { ["filter[type]"] = "Building", ["include"] = "hasPostalAddress" };
        contract.Get("locations", $"{Ops}/partitions/{Partition}/locations", query, """
            {"data":[{"type":"Building","id":"b1","attributes":{"label":"HQ","description":"Head office","timeZone":"Europe/Zurich"},
              "relationships":{"hasPostalAddress":{"data":{"type":"PostalAddress","id":"a1"}}}}],
             "included":[{"type":"PostalAddress","id":"a1","attributes":{"locality":"Zug","countryCode":"CH","postalCode":"6300","street":"Theilerstrasse 1a"}}]}
            """);
        var client = contract.CreateClient();

        var building = Assert.Single(await client.Locations.GetLocationsAsync(Partition, new JsonApiQuery().Filter("type", "Building").Include("hasPostalAddress")).ToListAsync());

        Assert.Equal("HQ", building.Attributes!.Label);
        Assert.Equal("Zug", building.GetRelated("hasPostalAddress")[0].Attributes.GetProperty("locality").GetString());
        contract.AssertExactQuery($"{Ops}/partitions/{Partition}/locations", query);
        contract.AssertContract();
    }

    // [CL] location.go GetSingleLocation: locations/{id}?include=hasPostalAddress below the partition.
    [Fact]
    public async Task GetLocation_IsNestedUnderThePartition()
    {
        using var contract = new BuildingXContract();
        contract.Get("location", $"{Ops}/partitions/{Partition}/locations/b1", new Dictionary<string, string> { ["include"] = "hasPostalAddress" }, """
            {"data":{"type":"Building","id":"b1","attributes":{"label":"HQ","timeZone":"Europe/Zurich"},"relationships":{"hasPostalAddress":{"data":{"type":"PostalAddress","id":"a1"}}}},
             "included":[{"type":"PostalAddress","id":"a1","attributes":{"locality":"Zug"}}]}
            """);
        var client = contract.CreateClient();

        var building = await client.Locations.GetLocationAsync(Partition, "b1", new JsonApiQuery().Include("hasPostalAddress"));

        Assert.Equal("Europe/Zurich", building.Attributes!.AdditionalProperties!["timeZone"].GetString());
        contract.AssertContract();
    }

    // [BX-DG] "Request-ID" and "JSON Error Object": the guide's 400 example, X-Request-Id included.
    [Fact]
    public async Task Error_GuideExample_KeepsCodeTitleAndRequestId()
    {
        using var contract = new BuildingXContract();
        contract.Get("error", $"{Ops}/partitions/{Partition}/devices", new Dictionary<string, string>(), """
            {"errors":[{"id":"2e92b826-8d7f-4a86-bf84-241c02c1b90a","status":"400","code":"34-0001","title":"Missing mandatory property 'name'"}]}
            """, status: 400, requestId: "2e92b826-8d7f-4a86-bf84-241c02c1b90a");
        var client = contract.CreateClient();

        var error = await Assert.ThrowsAsync<DigitalTwinApiException>(() => client.Devices.GetDevicesAsync(Partition).ToListAsync().AsTask());

        Assert.Equal("2e92b826-8d7f-4a86-bf84-241c02c1b90a", error.RequestId);
        Assert.Equal("34-0001", error.Errors[0].Code);
        Assert.Equal("Missing mandatory property 'name'", error.Errors[0].Title);
        contract.AssertContract();
    }

    // [CL] point.go CommandPointValue: PATCH points/{id}?field[Point]=pointValue with content-type application/vnd.api+json
    // and {"data":{"id":..,"attributes":{"pointValue":{"value":"true"}}}} (the generic Resources.UpdateResourceAsync adds "type").
    [Fact]
    public async Task ResourcesUpdate_PointCommand_IsTheDocumentedPatch()
    {
        using var contract = new BuildingXContract();
        contract.Server.Server
            .Given(Request.Create().WithPath($"{Ops}/partitions/{Partition}/points/p1").UsingPatch()
                .WithParam("field[Point]", "pointValue")
                .WithHeader("Authorization", "Bearer " + BuildingXContract.Token)
                .WithHeader("Content-Type", "application/vnd.api+json")
                .WithBody(new JsonPartialMatcher("""{"data":{"id":"p1","attributes":{"pointValue":{"value":"true"}}}}""")))
            .WithTitle("command")
            .RespondWith(Response.Create().WithStatusCode(204));
        var client = contract.CreateClient();
        var attributes = JsonDocument.Parse("""{"pointValue":{"value":"true"}}""").RootElement.Clone();

        var result = await client.Resources.UpdateResourceAsync($"partitions/{Partition}/points/p1?field[Point]=pointValue", new JsonApiResource<JsonElement> { Type = "Point", Id = "p1", Attributes = attributes });

        Assert.Equal(System.Net.HttpStatusCode.NoContent, result.StatusCode);
        contract.AssertContract();
    }
}
