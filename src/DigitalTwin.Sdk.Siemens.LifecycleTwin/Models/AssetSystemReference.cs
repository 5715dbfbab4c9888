using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>A system (HVAC, lighting…) an <see cref="Asset"/> belongs to, as embedded in the asset's <c>Systems</c>.</summary>
/// <remarks>Filter assets by system with <c>Filter.Equal(FieldPath.Referenced("Systems", "Id"), id)</c>.</remarks>
public sealed record AssetSystemReference
{
    /// <summary>Gets the system's identifier.</summary>
    /// <value>Usually a GUID string, e.g. <c>b7da56c7-f498-40f7-9104-80ba51cd62ba</c>.</value>
    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    /// <summary>Gets the system's name.</summary>
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
