namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>The Siemens Building X APIs, grouped by resource. Register with <c>services.AddBuildingX(...)</c> or create a <see cref="BuildingXClient"/>.</summary>
public interface IBuildingXClient
{
    /// <summary>Gets the calling machine user's user groups and customers (Accounts API).</summary>
    IAccountClient Account { get; }

    /// <summary>Gets the partitions of a customer (Accounts API).</summary>
    IPartitionsClient Partitions { get; }

    /// <summary>Gets locations (buildings, floors, rooms).</summary>
    ILocationsClient Locations { get; }

    /// <summary>Gets devices and child devices.</summary>
    IDevicesClient Devices { get; }

    /// <summary>Gets points and point values.</summary>
    IPointsClient Points { get; }

    /// <summary>Gets generic JSON:API access to any path.</summary>
    IJsonApiClient Resources { get; }
}
