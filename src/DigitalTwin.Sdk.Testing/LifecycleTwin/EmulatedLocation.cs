namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>A location seeded into the <see cref="LifecycleTwinEmulator"/> (<c>/api/locations</c>, or a site's own location).</summary>
/// <param name="Id">Location id.</param>
/// <param name="Name">Location name, e.g. <c>Floor 01</c> or <c>Room 01.02</c>.</param>
/// <param name="ChildrenCount">Number of locations whose <paramref name="ParentId"/> is this location.</param>
/// <param name="ParentId">Id of the parent location, or <see langword="null"/> for a root.</param>
public sealed record EmulatedLocation(string Id, string Name, int ChildrenCount, string? ParentId);
