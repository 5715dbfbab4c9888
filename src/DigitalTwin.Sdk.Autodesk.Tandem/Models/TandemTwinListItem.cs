namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>One twin of a listing keyed by URN (<c>users/@me/twins</c>, <c>groups/{groupID}/twins</c>).</summary>
/// <param name="TwinId">The twin URN.</param>
/// <param name="Twin">The twin settings.</param>
public sealed record TandemTwinListItem(string TwinId, TandemTwin Twin);
