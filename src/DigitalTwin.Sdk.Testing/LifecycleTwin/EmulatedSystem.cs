namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>A building system seeded into the <see cref="LifecycleTwinEmulator"/> (<c>/api/systems</c>).</summary>
/// <param name="Id">System id.</param>
/// <param name="Name">System name, e.g. <c>HVAC</c>.</param>
/// <param name="Description">Free-text description.</param>
public sealed record EmulatedSystem(string Id, string Name, string Description);
