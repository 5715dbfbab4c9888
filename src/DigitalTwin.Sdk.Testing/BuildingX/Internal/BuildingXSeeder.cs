using System.Globalization;
using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>Fills an <see cref="EmulatedStore"/> with a deterministic data set derived from the seed.</summary>
internal sealed class BuildingXSeeder(int seed)
{
    /// <summary>The partition id used in the vendor guide's examples; the first seeded partition has it.</summary>
    public const string DocumentedPartitionId = "5435b9ac-8823-9e89-804bd4710e90";

    /// <summary>The serial number used in the vendor guide's filter example; the first seeded device has it.</summary>
    public const string DocumentedSerialNumber = "12345";

    private static readonly string[] PointNames = ["RoomTemperature", "Setpoint", "Occupancy"];
    private readonly Random _random = new(seed);
    private int _pointOrdinal;

    public List<string> PartitionIds { get; } = [];

    public List<string> GatewayDeviceIds { get; } = [];

    public List<string> StandaloneDeviceIds { get; } = [];

    public void Seed(EmulatedStore store, string clientId)
    {
        store.DefineCollection("me/customers", CollectionKind.Customers, true, "Customer");
        store.DefineCollection("partitions", CollectionKind.Partitions, true, "Partition");
        store.DefineCollection("devices", CollectionKind.Devices, false, "Device");
        store.DefineCollection("points", CollectionKind.Points, false, "Point");

        store.Me = new EmulatedResource("User", NextId())
        {
            Attributes = new JsonObject { ["name"] = "Emulated machine user", ["clientId"] = clientId, ["isMachineUser"] = true },
        };

        var customer = new EmulatedResource("Customer", NextId())
        {
            Attributes = new JsonObject { ["name"] = "Contoso Facilities", ["country"] = "CH" },
        };
        store.Add(customer, "me/customers");

        string[] partitionNames = ["Headquarters", "Research Campus"];
        for (var p = 0; p < partitionNames.Length; p++)
        {
            var partitionId = p == 0 ? DocumentedPartitionId : NextId();
            PartitionIds.Add(partitionId);
            var partition = new EmulatedResource("Partition", partitionId)
            {
                Attributes = new JsonObject { ["name"] = partitionNames[p] },
            };
            partition.Relationships["customer"] = EmulatedRelationship.One("Customer", customer.Id);
            store.Add(partition, "partitions");
            SeedPartition(store, partitionId, p);
        }
    }

    private void SeedPartition(EmulatedStore store, string partitionId, int partitionIndex)
    {
        var locations = $"partitions/{partitionId}/locations";
        var devices = $"partitions/{partitionId}/devices";
        store.DefineCollection(locations, CollectionKind.Locations, true, "Campus", "Building", "Floor", "Room");
        store.DefineCollection(devices, CollectionKind.Devices, true, "Device");

        var rooms = new List<string>();
        var buildings = new List<string>();
        for (var b = 0; b < 2; b++)
        {
            var building = Location(store, locations, "Building", $"Building {(char)('A' + b)}", null);
            buildings.Add(building.Id);
            for (var f = 1; f <= 2; f++)
            {
                var floor = Location(store, locations, "Floor", $"Floor {f}", building.Id);
                for (var r = 1; r <= 2; r++)
                {
                    rooms.Add(Location(store, locations, "Room", $"Room {(char)('A' + b)}{f}0{r}", floor.Id).Id);
                }
            }
        }

        var deviceNumber = 0;
        for (var g = 0; g < 2; g++)
        {
            var gateway = Device(store, partitionIndex, deviceNumber++, $"Gateway {(char)('A' + g)}", "PXC7.E400", buildings[g], devices);
            GatewayDeviceIds.Add(gateway.Id);
            var children = $"devices/{gateway.Id}/devices";
            store.DefineCollection(children, CollectionKind.ChildDevices, true, "Device");
            for (var c = 0; c < 3; c++)
            {
                var child = Device(store, partitionIndex, deviceNumber++, $"Room controller {(char)('A' + g)}{c + 1}", "RXM39.1", rooms[(g * 3) + c], devices);
                store.AddToCollection(children, child.Id);
            }
        }

        for (var s = 0; s < 2; s++)
        {
            var standalone = Device(store, partitionIndex, deviceNumber++, $"Air quality sensor {s + 1}", "QMX3.P74", rooms[rooms.Count - 1 - s], devices);
            StandaloneDeviceIds.Add(standalone.Id);
        }
    }

    private EmulatedResource Location(EmulatedStore store, string collection, string type, string label, string? parentId)
    {
        var location = new EmulatedResource(type, NextId())
        {
            Attributes = new JsonObject { ["label"] = label, ["description"] = $"{type} {label}" },
        };
        if (parentId is not null)
        {
            location.Relationships["isPartOf"] = EmulatedRelationship.One(store.Find(parentId)!.Type, parentId);
        }

        store.Add(location, collection);
        return location;
    }

    private EmulatedResource Device(EmulatedStore store, int partitionIndex, int number, string name, string model, string locationId, string collection)
    {
        var serial = partitionIndex == 0 && number == 0
            ? DocumentedSerialNumber
            : _random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var info = new EmulatedResource("DeviceInfo", NextId())
        {
            Attributes = new JsonObject
            {
                ["manufacturer"] = "Siemens",
                ["model"] = model,
                ["firmwareVersion"] = $"{3 + (number % 2)}.{number % 5}.{_random.Next(0, 10)}",
            },
        };
        store.Add(info);

        var device = new EmulatedResource("Device", NextId())
        {
            Attributes = new JsonObject { ["name"] = name, ["serialNumber"] = serial, ["description"] = $"{model} {name}" },
        };
        device.Relationships["hasLocation"] = EmulatedRelationship.One(store.Find(locationId)!.Type, locationId);
        device.Relationships["hasFeatures"] = EmulatedRelationship.Many([info.Identifier]);
        store.Add(device, collection, "devices");

        var points = $"devices/{device.Id}/points";
        store.DefineCollection(points, CollectionKind.Points, true, "Point");
        for (var i = 0; i < PointNames.Length; i++)
        {
            Point(store, points, device.Id, PointNames[i], isActive: !(number % 4 == 3 && i == 2));
        }

        return device;
    }

    private void Point(EmulatedStore store, string collection, string deviceId, string name, bool isActive)
    {
        var (kind, unit, tags) = name switch
        {
            "RoomTemperature" => ("number", "degC", new JsonArray("point", "sensor", "temp", "air")),
            "Setpoint" => ("setpoint", "degC", new JsonArray("point", "sp", "temp", "writable")),
            _ => ("boolean", string.Empty, new JsonArray("point", "sensor", "occupied")),
        };
        var point = new EmulatedResource("Point", NextId())
        {
            Attributes = new JsonObject
            {
                ["name"] = name,
                ["description"] = $"{name} of device {deviceId[..8]}",
                ["isActive"] = isActive,
                ["unit"] = unit,
            },
            HiddenAttributes = new JsonObject { ["haystackTags"] = tags },
        };
        point.Relationships["isPointOf"] = EmulatedRelationship.One("Device", deviceId);
        store.Add(point, collection, "points");
        store.PointKinds[point.Id] = kind;
        store.PointOrdinals[point.Id] = _pointOrdinal++;
    }

    private string NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }
}
