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

    public List<string> CustomerIds { get; } = [];

    public void Seed(EmulatedStore store, string clientId)
    {
        store.DefineCollection("accounts/me/usergroups", CollectionKind.UserGroups, true, "UserGroup");
        store.DefineCollection("accounts/me/customers", CollectionKind.Customers, true, "Customer");

        var customer = new EmulatedResource("Customer", NextId())
        {
            Attributes = new JsonObject { ["name"] = "Contoso Facilities", ["customerMembershipState"] = new JsonObject { ["state"] = "active" } },
        };
        CustomerIds.Add(customer.Id);
        store.Add(customer, "accounts/me/customers");
        var customerPartitions = $"accounts/customers/{customer.Id}/partitions";
        store.DefineCollection(customerPartitions, CollectionKind.Partitions, true, "Partition");

        var group = new EmulatedResource("UserGroup", NextId())
        {
            Attributes = new JsonObject
            {
                ["name"] = "CustomerOperator",
                ["description"] = $"Machine user {clientId} operates the customer's partitions",
                ["isMachineEnabled"] = true,
                ["isSystemDefined"] = true,
            },
        };
        group.Relationships["ownedBy"] = EmulatedRelationship.One("Customer", customer.Id);
        store.Add(group, "accounts/me/usergroups");

        string[] partitionNames = ["Headquarters", "Research Campus"];
        for (var p = 0; p < partitionNames.Length; p++)
        {
            var partitionId = p == 0 ? DocumentedPartitionId : NextId();
            PartitionIds.Add(partitionId);
            var partition = new EmulatedResource("Partition", partitionId)
            {
                Attributes = new JsonObject { ["name"] = partitionNames[p], ["description"] = $"{partitionNames[p]} of {customer.Attributes["name"]}" },
            };
            partition.Relationships["ownedByCustomer"] = EmulatedRelationship.One("Customer", customer.Id);
            store.Add(partition, customerPartitions);
            SeedPartition(store, partitionId, p);
        }

        group.Relationships["hasAccessTo"] = EmulatedRelationship.Many(PartitionIds.Select(id => new EmulatedIdentifier("Partition", id)));
    }

    private void SeedPartition(EmulatedStore store, string partitionId, int partitionIndex)
    {
        var locations = $"operations/partitions/{partitionId}/locations";
        var devices = $"operations/partitions/{partitionId}/devices";
        store.DefineCollection(locations, CollectionKind.Locations, true, "Campus", "Building", "Floor", "Room");
        store.DefineCollection(devices, CollectionKind.Devices, true, "Device");
        store.DefineCollection($"operations/partitions/{partitionId}/points", CollectionKind.Points, false, "Point");

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
            var gateway = Device(store, partitionId, partitionIndex, deviceNumber++, $"Gateway {(char)('A' + g)}", "PXC7.E400", buildings[g]);
            GatewayDeviceIds.Add(gateway.Id);
            var children = $"{devices}/{gateway.Id}/devices";
            for (var c = 0; c < 3; c++)
            {
                var child = Device(store, partitionId, partitionIndex, deviceNumber++, $"Room controller {(char)('A' + g)}{c + 1}", "RXM39.1", rooms[(g * 3) + c]);
                store.AddToCollection(children, child.Id);
            }
        }

        for (var s = 0; s < 2; s++)
        {
            var standalone = Device(store, partitionId, partitionIndex, deviceNumber++, $"Air quality sensor {s + 1}", "QMX3.P74", rooms[rooms.Count - 1 - s]);
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

    /// <summary>Defines the collections every device of a partition has: its points and its (possibly empty) child devices.</summary>
    public static void DefineDeviceCollections(EmulatedStore store, string partitionId, string deviceId)
    {
        store.DefineCollection($"operations/partitions/{partitionId}/devices/{deviceId}/points", CollectionKind.Points, true, "Point");
        store.DefineCollection($"operations/partitions/{partitionId}/devices/{deviceId}/devices", CollectionKind.ChildDevices, true, "Device");
    }

    private EmulatedResource Device(EmulatedStore store, string partitionId, int partitionIndex, int number, string name, string model, string locationId)
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
        store.Add(device, $"operations/partitions/{partitionId}/devices");
        DefineDeviceCollections(store, partitionId, device.Id);
        for (var i = 0; i < PointNames.Length; i++)
        {
            Point(store, partitionId, device.Id, PointNames[i], isActive: !(number % 4 == 3 && i == 2));
        }

        return device;
    }

    private void Point(EmulatedStore store, string partitionId, string deviceId, string name, bool isActive)
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
                ["dataType"] = kind == "boolean" ? "boolean" : "number",
            },
            HiddenAttributes = new JsonObject
            {
                ["haystackTags"] = tags,

                // The present value, sent only with field[Point]=pointValue (shape of the vendor's point examples).
                ["pointValue"] = new JsonObject
                {
                    ["value"] = kind switch { "number" => "21.5", "setpoint" => "22", _ => "false" },
                    ["timestamp"] = "2026-01-01T00:00:00Z",
                },
            },
        };
        point.Relationships["isPointOf"] = EmulatedRelationship.One("Device", deviceId);
        store.Add(point, $"operations/partitions/{partitionId}/devices/{deviceId}/points", $"operations/partitions/{partitionId}/points");
        store.PointPartitions[point.Id] = partitionId;
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
