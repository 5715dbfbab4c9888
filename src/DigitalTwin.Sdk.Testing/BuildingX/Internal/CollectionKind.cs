namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>The kinds of collection the emulator serves; each has its own filters and includes.</summary>
internal enum CollectionKind
{
    UserGroups,
    Customers,
    Partitions,
    Locations,
    Devices,
    ChildDevices,
    Points,
}
