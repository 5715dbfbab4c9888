namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>
/// An entity another one refers to, written as a reference object <c>{"Id": "…", "Name": "…"}</c>: a site's
/// <c>OwnerOrganization</c>, a document's <c>Parent</c> folder and <c>Category</c>.
/// </summary>
/// <param name="Id">Referenced entity id.</param>
/// <param name="Name">Referenced entity name.</param>
public sealed record EmulatedReference(string Id, string Name);
