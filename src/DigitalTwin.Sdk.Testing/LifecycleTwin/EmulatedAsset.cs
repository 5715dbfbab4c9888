namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>An asset (component) seeded into the <see cref="LifecycleTwinEmulator"/> (<c>/api/assets</c>).</summary>
/// <param name="Id">Asset id.</param>
/// <param name="Name">Asset name, e.g. <c>Pump 0001</c> or <c>AHU 0002</c>.</param>
/// <param name="Description">Description; <see langword="null"/> or empty for some assets.</param>
/// <param name="ProjectId">Id of the site holding the asset.</param>
/// <param name="SerialNumber">Serial number.</param>
/// <param name="Quantity">Quantity (a number).</param>
/// <param name="InstallationDate">Installation time.</param>
/// <param name="CreatedOn">Creation time.</param>
/// <param name="Location">Room the asset is in (written as <c>Location</c> with <c>Id</c> and <c>Name</c>).</param>
/// <param name="Systems">Systems the asset belongs to (written with <c>Id</c> and <c>Name</c>).</param>
/// <param name="ModelObjects">Linked model objects.</param>
/// <param name="CustomFields">Custom field values.</param>
public sealed record EmulatedAsset(
    string Id,
    string Name,
    string? Description,
    string ProjectId,
    string SerialNumber,
    double Quantity,
    DateTimeOffset InstallationDate,
    DateTimeOffset CreatedOn,
    EmulatedLocation Location,
    IReadOnlyList<EmulatedSystem> Systems,
    IReadOnlyList<EmulatedModelObject> ModelObjects,
    IReadOnlyList<EmulatedCustomField> CustomFields);
