using System.Net;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.BuildingX;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Testing.Tests.BuildingX;

public sealed class BuildingXEmulatorReadTests : IAsyncLifetime
{
    private BuildingXEmulator _emulator = null!;
    private BuildingXTestClient _client = null!;

    private string Partition => _emulator.DocumentedPartitionId;

    public async Task InitializeAsync() => (_emulator, _client) = await BuildingXTestClient.StartAsync(new BuildingXEmulatorOptions { RequestsPerSecond = 0 });

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Devices_DocumentedSerialNumberFilter_ReturnsTheOneDevice()
    {
        var body = await _client.GetOkAsync("partitions/5435b9ac-8823-9e89-804bd4710e90/devices?filter[serialNumber]=12345");

        var device = Assert.Single(body["data"]!.AsArray())!;
        Assert.Equal("Device", device["type"]!.GetValue<string>());
        Assert.Equal("12345", device["attributes"]!["serialNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Devices_DocumentedPageLimit_PagesThroughRelativeNextLinksUntilAbsent()
    {
        var ids = new List<string>();
        string? next = $"partitions/{Partition}/devices?page[limit]=5";
        var pages = 0;
        while (next is not null)
        {
            var (response, body) = await _client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages++;
            Assert.True(body!["data"]!.AsArray().Count <= 5);
            ids.AddRange(body["data"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
            Assert.NotNull(body["links"]!["self"]);
            var link = body["links"]!["next"]?.GetValue<string>();
            if (link is not null)
            {
                Assert.StartsWith("/partitions/", link, StringComparison.Ordinal);
                Assert.Contains("page[limit]=5", link, StringComparison.Ordinal);
            }

            next = link?[1..];
        }

        Assert.Equal(2, pages);
        Assert.Equal(10, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Devices_AbsoluteLinksOption_GivesNextOnApiBase()
    {
        var (emulator, client) = await BuildingXTestClient.StartAsync(new BuildingXEmulatorOptions { AbsoluteLinks = true });
        await using var _ = emulator;
        using var __ = client;

        var body = await client.GetOkAsync($"partitions/{emulator.DocumentedPartitionId}/devices?page[limit]=3");

        Assert.StartsWith(emulator.ApiBaseUri + "/partitions/", body["links"]!["next"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("/partitions/", (await _client.GetOkAsync($"partitions/{Partition}/devices?page[limit]=3"))["links"]!["next"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_IncludeFeatures_AddsDeviceInfoToIncludedButNextLinkDropsInclude()
    {
        var body = await _client.GetOkAsync($"partitions/{Partition}/devices?include=hasFeatures.DeviceInfo&page[limit]=4");

        var included = body["included"]!.AsArray();
        Assert.Equal(4, included.Count);
        Assert.All(included, i => Assert.Equal("DeviceInfo", i!["type"]!.GetValue<string>()));
        var featureIds = body["data"]!.AsArray().Select(d => d!["relationships"]!["hasFeatures"]!["data"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(featureIds.Order(), included.Select(i => i!["id"]!.GetValue<string>()).Order());
        Assert.DoesNotContain("include", body["links"]!["next"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_KeepIncludeOption_KeepsIncludeInNextLink()
    {
        var (emulator, client) = await BuildingXTestClient.StartAsync(new BuildingXEmulatorOptions { DropIncludeFromNextLinks = false });
        await using var _ = emulator;
        using var __ = client;

        var body = await client.GetOkAsync($"partitions/{emulator.DocumentedPartitionId}/devices?include=hasLocation&page[limit]=4");

        Assert.Contains("include=hasLocation", body["links"]!["next"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_LocationFilterAndInclude_ReturnDevicesInThatRoomWithTheRoom()
    {
        var all = await _client.GetOkAsync($"partitions/{Partition}/devices?page[limit]=100");
        var roomId = all["data"]![1]!["relationships"]!["hasLocation"]!["data"]!["id"]!.GetValue<string>();

        var body = await _client.GetOkAsync($"partitions/{Partition}/devices?filter[hasLocation.data.id]={roomId}&include=hasLocation");

        Assert.NotEmpty(body["data"]!.AsArray());
        Assert.All(body["data"]!.AsArray(), d => Assert.Equal(roomId, d!["relationships"]!["hasLocation"]!["data"]!["id"]!.GetValue<string>()));
        var room = Assert.Single(body["included"]!.AsArray())!;
        Assert.Equal("Room", room["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Locations_TypeFilterWithSparseFieldset_ReturnsBuildingsWithOnlyLabel()
    {
        var body = await _client.GetOkAsync($"partitions/{Partition}/locations?filter[type]=Building&fields[Building]=label");

        var buildings = body["data"]!.AsArray();
        Assert.Equal(2, buildings.Count);
        Assert.All(buildings, b =>
        {
            Assert.Equal("Building", b!["type"]!.GetValue<string>());
            Assert.Equal(["label"], b["attributes"]!.AsObject().Select(a => a.Key));
            Assert.Null(b["relationships"]);
        });
    }

    [Fact]
    public async Task AccountsApi_UserGroupsCustomersAndPartitions_AreServedOnlyOnTheAccountsBase()
    {
        var groups = await _client.GetOkAsync("me/usergroups");
        var customers = await _client.GetOkAsync("me/customers");
        var customerId = customers["data"]![0]!["id"]!.GetValue<string>();
        var partitions = await _client.GetOkAsync($"customers/{customerId}/partitions?include=ownedByCustomer.name");
        using var onOperations = await GetWithTokenAsync(new Uri(_emulator.ApiBaseUri + "/me/usergroups"));
        using var me = await GetWithTokenAsync(new Uri(_emulator.AccountsBaseUri + "/me"));

        Assert.Equal("UserGroup", Assert.Single(groups["data"]!.AsArray())!["type"]!.GetValue<string>());
        Assert.Equal(_emulator.PartitionIds, groups["data"]![0]!["relationships"]!["hasAccessTo"]!["data"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal("Customer", Assert.Single(customers["data"]!.AsArray())!["type"]!.GetValue<string>());
        Assert.Equal(_emulator.PartitionIds, partitions["data"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal("Customer", Assert.Single(partitions["included"]!.AsArray())!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, onOperations.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, me.StatusCode);
    }

    private async Task<HttpResponseMessage> GetWithTokenAsync(Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _client.Token);
        return await _client.Http.SendAsync(request);
    }

    [Fact]
    public async Task ChildDevices_NestedUnderThePartition_UnNestedIs404()
    {
        var children = await _client.GetOkAsync($"partitions/{Partition}/devices/{_emulator.GatewayDeviceIds[0]}/devices");
        var none = await _client.GetOkAsync($"partitions/{Partition}/devices/{_emulator.StandaloneDeviceIds[0]}/devices");
        var (response, body) = await _client.GetAsync($"devices/{_emulator.GatewayDeviceIds[0]}/devices");

        Assert.Equal(3, children["data"]!.AsArray().Count);
        Assert.Empty(none["data"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", body!["errors"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Points_HaveDocumentedAttributes_AndFieldParameterAddsHiddenOnes()
    {
        var deviceId = _emulator.StandaloneDeviceIds[0];
        var plain = await _client.GetOkAsync($"partitions/{Partition}/devices/{deviceId}/points");
        var extended = await _client.GetOkAsync($"partitions/{Partition}/devices/{deviceId}/points?field[Point]=haystackTags,pointValue");
        var (bare, _) = await _client.GetAsync($"partitions/{Partition}/devices/{deviceId}/points?field=haystackTags");

        var point = plain["data"]![0]!["attributes"]!;
        Assert.NotNull(point["name"]);
        Assert.NotNull(point["description"]);
        Assert.NotNull(point["isActive"]);
        Assert.Null(point["haystackTags"]);
        Assert.Null(point["pointValue"]);
        Assert.NotEmpty(extended["data"]![0]!["attributes"]!["haystackTags"]!.AsArray());
        Assert.NotNull(extended["data"]![0]!["attributes"]!["pointValue"]!["value"]);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
    }

    [Fact]
    public async Task PointValues_TimestampRange_ReturnsQuarterHourValuesInRange()
    {
        var points = await _client.GetOkAsync($"partitions/{Partition}/devices/{_emulator.StandaloneDeviceIds[0]}/points?filter[name]=RoomTemperature");
        var pointId = points["data"]![0]!["id"]!.GetValue<string>();

        var body = await _client.GetOkAsync($"partitions/{Partition}/points/{pointId}/values?filter[timestamp][from]=2026-01-01T10:00:00Z&filter[timestamp][to]=2026-01-01T11:00:00Z");
        var again = await _client.GetOkAsync($"partitions/{Partition}/points/{pointId}/values?filter%5Btimestamp%5D%5Bfrom%5D=2026-01-01T10%3A00%3A00Z&filter%5Btimestamp%5D%5Bto%5D=2026-01-01T11%3A00%3A00Z");

        var values = body["data"]!.AsArray();
        Assert.Equal(
            ["2026-01-01T10:00:00Z", "2026-01-01T10:15:00Z", "2026-01-01T10:30:00Z", "2026-01-01T10:45:00Z", "2026-01-01T11:00:00Z"],
            values.Select(v => v!["attributes"]!["timestamp"]!.GetValue<string>()));
        Assert.All(values, v => Assert.InRange(v!["attributes"]!["value"]!.GetValue<double>(), 18.0, 24.0));
        Assert.Equal(body["data"]!.ToJsonString(), again["data"]!.ToJsonString());
    }

    [Fact]
    public async Task PointValues_WithoutFrom_Are400_WithoutToEndAtTheEmulatorClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var (emulator, client) = await BuildingXTestClient.StartAsync(new BuildingXEmulatorOptions { TimeProvider = clock, DefaultPageLimit = 500 });
        await using var _ = emulator;
        using var __ = client;
        var partition = emulator.DocumentedPartitionId;
        var points = await client.GetOkAsync($"partitions/{partition}/devices/{emulator.StandaloneDeviceIds[0]}/points");
        var pointId = points["data"]![0]!["id"]!.GetValue<string>();

        var (missing, error) = await client.GetAsync($"partitions/{partition}/points/{pointId}/values");
        var body = await client.GetOkAsync($"partitions/{partition}/points/{pointId}/values?filter[timestamp][from]=2026-02-28T12:00:00Z");
        var (unNested, _) = await client.GetAsync($"points/{pointId}/values?filter[timestamp][from]=2026-02-28T12:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("filter[timestamp][from]", error!["errors"]![0]!["source"]!["parameter"]!.GetValue<string>());
        Assert.Equal(97, body["data"]!.AsArray().Count);
        Assert.Equal("2026-03-01T12:00:00Z", body["data"]!.AsArray()[^1]!["attributes"]!["timestamp"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unNested.StatusCode);
    }

    [Theory]
    [InlineData("partitions/{p}/devices?filter[color]=red", "filter[color]")]
    [InlineData("partitions/{p}/devices?include=owner", "include")]
    [InlineData("partitions/{p}/devices?page[limit]=0", "page[limit]")]
    [InlineData("partitions/{p}/devices?page[limit]=100000", "page[limit]")]
    [InlineData("partitions/{p}/devices?page[number]=2", "page[number]")]
    [InlineData("partitions/{p}/devices?page[cursor]=!!", "page[cursor]")]
    public async Task InvalidQueryParameter_Is400WithSourceParameter(string path, string parameter)
    {
        var (response, body) = await _client.GetAsync(path.Replace("{p}", Partition, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = body!["errors"]![0]!;
        Assert.Equal("400", error["status"]!.GetValue<string>());
        Assert.Equal(parameter, error["source"]!["parameter"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryResponse_HasRequestIdAndJsonApiMediaType_AndErrorIdMatchesRequestId()
    {
        var (ok, _) = await _client.GetAsync("me/usergroups");
        var (missing, body) = await _client.GetAsync("partitions/nope/devices");

        Assert.Equal("application/vnd.api+json", ok.Content.Headers.ContentType!.MediaType);
        Assert.Single(ok.Headers.GetValues("X-Request-Id"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(missing.Headers.GetValues("X-Request-Id").Single(), body!["errors"]![0]!["id"]!.GetValue<string>());
        Assert.NotEqual(ok.Headers.GetValues("X-Request-Id").Single(), missing.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task AcceptWithMediaTypeParameters_Is406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _client.Url("me/usergroups"));
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.api+json; version=2");
        request.Headers.Authorization = new("Bearer", _client.Token);

        using var response = await _client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task SameSeed_GivesSameData_OtherSeedDiffers()
    {
        var (other, otherClient) = await BuildingXTestClient.StartAsync(new BuildingXEmulatorOptions { Seed = 7 });
        await using var _ = other;
        using var __ = otherClient;
        var (twin, twinClient) = await BuildingXTestClient.StartAsync();
        await using var ___ = twin;
        using var ____ = twinClient;

        var mine = (await _client.GetOkAsync($"partitions/{Partition}/devices?page[limit]=100"))["data"]!.ToJsonString();
        var same = (await twinClient.GetOkAsync($"partitions/{Partition}/devices?page[limit]=100"))["data"]!.ToJsonString();
        var different = (await otherClient.GetOkAsync($"partitions/{Partition}/devices?page[limit]=100"))["data"]!.ToJsonString();

        Assert.Equal(mine, same);
        Assert.NotEqual(mine, different);
    }
}
