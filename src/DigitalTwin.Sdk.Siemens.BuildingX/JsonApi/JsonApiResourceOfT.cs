namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A JSON:API resource object with typed <c>attributes</c>.</summary>
/// <typeparam name="TAttributes">
/// The attributes record (keep unknown attributes with <c>[JsonExtensionData]</c>), or
/// <see cref="System.Text.Json.JsonElement"/> for untyped access to any resource.
/// </typeparam>
public record JsonApiResource<TAttributes> : JsonApiResource
{
    /// <summary>Gets the resource's attributes.</summary>
    public TAttributes? Attributes { get; init; }
}
