namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>One seeded site and its site-scoped resources.</summary>
internal sealed class SiteData(
    EmulatedSite site,
    EmulatedAsset[] assets,
    EmulatedDocument[] documents,
    EmulatedLocation[] locations,
    EmulatedSystem[] systems)
{
    public EmulatedSite Site { get; } = site;

    public EmulatedAsset[] Assets { get; } = assets;

    public EmulatedDocument[] Documents { get; } = documents;

    public EmulatedLocation[] Locations { get; } = locations;

    public EmulatedSystem[] Systems { get; } = systems;
}
