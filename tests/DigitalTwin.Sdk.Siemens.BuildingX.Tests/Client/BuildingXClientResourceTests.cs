using System.Net;
using System.Text.Json;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Testing.BuildingX;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

public sealed class BuildingXClientResourceTests
{
    [Fact]
    public async Task Account_UserGroupsCustomersAndPartitions_AreTypedAndComeFromTheAccountsApi()
    {
        await using var context = await BuildingXTestContext.StartAsync();

        var group = Assert.Single(await context.Client.Account.GetUserGroupsAsync().ToListAsync());
        var customers = await context.Client.Account.GetCustomersAsync().ToListAsync();
        var partitions = await context.Client.Partitions.GetPartitionsAsync(customers[0].Id!, new JsonApiQuery().Include("ownedByCustomer")).ToListAsync();

        Assert.Equal("CustomerOperator", group.Attributes!.Name);
        Assert.Equal(context.Emulator.PartitionIds, group.PartitionIds);
        Assert.Equal("Contoso Facilities", Assert.Single(customers).Attributes!.Name);
        Assert.Equal(customers[0].Id, group.CustomerId);
        Assert.Equal(context.Emulator.PartitionIds, partitions.Select(p => p.Id));
        Assert.All(partitions, p => Assert.Equal(customers[0].Id, p.CustomerId));
        Assert.Equal("Contoso Facilities", partitions[0].GetRelated("ownedByCustomer")[0].Attributes.GetProperty("name").GetString());
        Assert.All(context.Emulator.Requests.Snapshot().Where(r => r.Path.Contains("/me/", StringComparison.Ordinal) || r.Path.Contains("/customers/", StringComparison.Ordinal)), r => Assert.StartsWith(BuildingXEmulator.AccountsBasePath, r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Locations_BuildingsWithLabelOnly_AndParentsViaInclude()
    {
        await using var context = await BuildingXTestContext.StartAsync();

        var buildings = await context.Client.Locations.GetLocationsAsync(context.Partition, new JsonApiQuery().Filter("type", "Building").Fields("Building", "label")).ToListAsync();
        var rooms = await context.Client.Locations.GetLocationsAsync(context.Partition, new JsonApiQuery().Filter("type", "Room").Include("isPartOf")).ToListAsync();
        var room = await context.Client.Locations.GetLocationAsync(context.Partition, rooms[0].Id!, new JsonApiQuery().Include("isPartOf"));

        Assert.Equal(["Building A", "Building B"], buildings.Select(b => b.Attributes!.Label));
        Assert.All(buildings, b => Assert.Null(b.Attributes!.Description));
        Assert.Equal(8, rooms.Count);
        Assert.All(rooms, r => Assert.Equal("Floor", Assert.Single(r.GetRelated("isPartOf")).Type));
        Assert.Equal(rooms[0].ParentId, room.GetRelated("isPartOf")[0].Id);
    }

    [Fact]
    public async Task Devices_DocumentedFilters_SerialNumberAndLocation()
    {
        await using var context = await BuildingXTestContext.StartAsync();

        var bySerial = await context.Client.Devices.GetDevicesAsync(context.Partition, new JsonApiQuery().Filter("serialNumber", "12345")).ToListAsync();
        var device = Assert.Single(bySerial);
        var inRoom = await context.Client.Devices.GetDevicesAsync(context.Partition, new JsonApiQuery().Filter("hasLocation.data.id", device.LocationId!)).ToListAsync();

        Assert.Equal("12345", device.Attributes!.SerialNumber);
        Assert.Contains(inRoom, d => d.Id == device.Id);
        Assert.All(inRoom, d => Assert.Equal(device.LocationId, d.LocationId));
    }

    [Fact]
    public async Task Points_AndValuesInATimeRange_AreTyped()
    {
        await using var context = await BuildingXTestContext.StartAsync();
        var deviceId = context.Emulator.StandaloneDeviceIds[0];

        var points = await context.Client.Points.GetPointsAsync(context.Partition, deviceId, new JsonApiQuery().Field("Point", "haystackTags")).ToListAsync();
        var temperature = points.Single(p => p.Attributes!.Name == "RoomTemperature");
        var single = await context.Client.Points.GetPointAsync(context.Partition, temperature.Id!, new JsonApiQuery().Field("Point", "pointValue"));
        var from = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
        var values = await context.Client.Points.GetPointValuesAsync(context.Partition, temperature.Id!, from, from.AddHours(1), new JsonApiQuery().PageLimit(2)).ToListAsync();

        Assert.Equal(3, points.Count);
        Assert.All(points, p =>
        {
            Assert.NotNull(p.Attributes!.Description);
            Assert.NotNull(p.Attributes.IsActive);
            Assert.Equal(JsonValueKind.Array, p.Attributes.AdditionalProperties!["haystackTags"].ValueKind);
            Assert.Equal(deviceId, p.DeviceId);
        });
        Assert.Equal(temperature.Attributes!.Name, single.Attributes!.Name);
        Assert.Equal(temperature.Attributes.IsActive, single.Attributes.IsActive);
        Assert.Equal("21.5", single.Attributes.PointValue!.Value!.Value.GetString());
        Assert.Null(temperature.Attributes.PointValue);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => from.AddMinutes(15 * i)), values.Select(v => v.Attributes!.Timestamp!.Value));
        Assert.All(values, v => Assert.InRange(v.Attributes!.Value!.Value.GetDouble(), 18.0, 24.0));
        Assert.Throws<ArgumentException>(() => context.Client.Points.GetPointValuesAsync(context.Partition, temperature.Id!, from, from.AddHours(-1)));
    }

    [Fact]
    public async Task Generic_CreateUpdateDeleteAndCommand_FollowTheDocumentedStatusCodes()
    {
        await using var context = await BuildingXTestContext.StartAsync();
        var devices = $"partitions/{context.Partition}/devices";
        var resources = context.Client.Resources;

        var created = await resources.CreateResourceAsync(devices, Resource("Device", null, """{"name":"Boiler","serialNumber":"777"}"""));
        var id = created.Resource!.Id!;
        var clientId = Guid.NewGuid().ToString();
        var withClientId = await resources.CreateResourceAsync(devices, Resource("Device", clientId, """{"name":"Pump","serialNumber":"778"}"""));
        var conflict = await Assert.ThrowsAsync<DigitalTwinConflictException>(() => resources.CreateResourceAsync(devices, Resource("Device", clientId, """{"name":"Pump","serialNumber":"778"}""")));
        var updated = await resources.UpdateResourceAsync($"{devices}/{id}", Resource("Device", id, """{"name":"Renamed"}"""));
        var fetched = await context.Client.Devices.GetDeviceAsync(context.Partition, id);
        var deleted = await resources.DeleteResourceAsync($"{devices}/{id}");
        var setpoint = (await context.Client.Points.GetPointsAsync(context.Partition, context.Emulator.StandaloneDeviceIds[0], new JsonApiQuery().Filter("name", "Setpoint")).ToListAsync())[0];
        var command = await resources.CreateResourceAsync($"partitions/{context.Partition}/points/{setpoint.Id}/values", Resource("PointValue", null, """{"value":22.5}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith("/devices/" + id, created.Location!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(created.RequestId);
        Assert.Equal(HttpStatusCode.NoContent, withClientId.StatusCode);
        Assert.Equal("409", conflict.Errors[0].Status);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Renamed", fetched.Attributes!.Name);
        Assert.Equal("777", fetched.Attributes.SerialNumber);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.True(command.IsAccepted);
        Assert.Equal("pending", command.Meta!.Value.GetProperty("status").GetString());
        var posts = context.Emulator.Requests.Snapshot().Where(r => r.Method is "POST" or "PATCH" && r.Path.StartsWith(BuildingXEmulator.ApiBasePath, StringComparison.Ordinal)).ToList();
        Assert.All(posts, r => Assert.Equal("application/vnd.api+json", r.Header("content-type")));
        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => context.Client.Devices.GetDeviceAsync(context.Partition, id));
    }

    private static JsonApiResource<JsonElement> Resource(string type, string? id, string attributes) =>
        new() { Type = type, Id = id, Attributes = JsonDocument.Parse(attributes).RootElement.Clone() };
}
