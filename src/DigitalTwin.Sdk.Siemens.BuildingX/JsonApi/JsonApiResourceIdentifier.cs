using System.Text.Json;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A JSON:API resource identifier object: the <c>type</c> and <c>id</c> that name a resource.</summary>
/// <param name="Type">The resource type, e.g. <c>Room</c>.</param>
/// <param name="Id">The resource id.</param>
public sealed record JsonApiResourceIdentifier(string Type, string Id)
{
    /// <summary>Gets non-standard meta-information about the linkage.</summary>
    public JsonElement? Meta { get; init; }
}
