namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>A site (project) seeded into the <see cref="LifecycleTwinEmulator"/>, served by <c>/api/clientprojects</c>.</summary>
/// <param name="Id">Site id; the value of the <c>projectid</c> header for this site's resources.</param>
/// <param name="Name">Site name, e.g. <c>Building1</c>.</param>
/// <param name="IsEnabled">Whether the site is enabled.</param>
/// <param name="CreatedOn">Creation time (written as <c>CreatedOn</c> in UTC and <c>CreatedOnLocal</c> with an offset).</param>
/// <param name="ModifiedOn">Last modification time (written as <c>ModifiedOnLocal</c>).</param>
/// <param name="CityName">City of the site.</param>
/// <param name="OwnerOrganization">Owning organization, written as a reference object <c>{"Id", "Name"}</c>.</param>
/// <param name="Latitude">Latitude in degrees.</param>
/// <param name="Longitude">Longitude in degrees.</param>
/// <param name="Location">Geographic location of the site (written as <c>Location</c> with <c>Id</c>, <c>Name</c>, <c>ChildrenCount</c>).</param>
public sealed record EmulatedSite(
    string Id,
    string Name,
    bool IsEnabled,
    DateTimeOffset CreatedOn,
    DateTimeOffset ModifiedOn,
    string CityName,
    EmulatedReference OwnerOrganization,
    double Latitude,
    double Longitude,
    EmulatedLocation Location);
