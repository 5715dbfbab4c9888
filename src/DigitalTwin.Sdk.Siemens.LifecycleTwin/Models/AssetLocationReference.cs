using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>The location (room, floor…) an <see cref="Asset"/> is in, as embedded in the asset.</summary>
/// <remarks>Filter assets by location with <c>Filter.Equal("Location.Id", id)</c>.</remarks>
public sealed record AssetLocationReference
{
    /// <summary>Gets the location's identifier.</summary>
    /// <value>Usually a GUID string.</value>
    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    /// <summary>Gets the location's name.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary>Gets the JSON properties this model does not declare, kept so nothing the service sends is lost.</summary>
    /// <value><see langword="null"/> when the service sent no other properties.</value>
    /// <remarks>Set only by deserialization (the serializer requires a setter it can call outside an object initializer).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
