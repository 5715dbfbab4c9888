using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

/// <summary>Shows that a host app can fake the client in its own tests without any mocking library.</summary>
public sealed class FakingTests
{
    [Fact]
    public async Task HostApp_CanImplementClientInterfacesWithPagesAndModels()
    {
        IBuildingXClient client = new FakeClient();

        var names = await client.Devices.GetDevicesAsync("p").Select(d => d.Attributes!.Name).ToListAsync();
        var pages = await client.Devices.GetDevicesAsync("p").AsPages().ToListAsync();
        var one = await client.Devices.GetDeviceAsync("p", "b");

        Assert.Equal(["A", "B", "C"], names);
        Assert.Equal(2, pages.Count);
        Assert.Equal("B", one.Attributes!.Name);
        Assert.Equal("room-1", one.LocationId);
    }

    private sealed class FakeClient : IBuildingXClient
    {
        public IAccountClient Account => throw new NotSupportedException();

        public IPartitionsClient Partitions => throw new NotSupportedException();

        public ILocationsClient Locations => throw new NotSupportedException();

        public IDevicesClient Devices { get; } = new FakeDevices();

        public IPointsClient Points => throw new NotSupportedException();

        public IJsonApiClient Resources => throw new NotSupportedException();
    }

    private sealed class FakeDevices : IDevicesClient
    {
        private static readonly Device[] All =
        [
            Make("a", "A"),
            Make("b", "B"),
            Make("c", "C"),
        ];

        public AsyncPageable<Device> GetDevicesAsync(string partitionId, JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
            AsyncPageable<Device>.FromPages([new Page<Device>(All[..2], "1"), new Page<Device>(All[2..], null)]);

        public Task<Device> GetDeviceAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(All.Single(d => d.Id == deviceId));

        public AsyncPageable<Device> GetChildDevicesAsync(string partitionId, string deviceId, JsonApiQuery? query = null, CancellationToken cancellationToken = default) =>
            AsyncPageable<Device>.FromPages([]);

        private static Device Make(string id, string name) => new()
        {
            Type = "Device",
            Id = id,
            Attributes = new DeviceAttributes { Name = name },
            Relationships = new Dictionary<string, JsonApiRelationship> { ["hasLocation"] = JsonApiRelationship.ToOne("Room", "room-1") },
        };
    }
}
