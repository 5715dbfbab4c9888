using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>A link from an <see cref="Asset"/> to an object of a BIM model, as embedded in the asset's <c>ModelObjects</c>.</summary>
/// <remarks>Filter assets by model object with <c>Filter.Equal(FieldPath.Collection("ModelObjects", "ObjectId"), id)</c>.</remarks>
public sealed record ModelObjectReference
{
    /// <summary>Gets the model object's identifier.</summary>
    /// <value>Free-form text, e.g. <c>41958798-cb80-4c0b-bfaf-63e53192c615-0007b076</c> (not a GUID).</value>
    [JsonPropertyName("ObjectId")]
    public string? ObjectId { get; init; }

    /// <summary>Gets the JSON properties this model does not declare, kept so nothing the service sends is lost.</summary>
    /// <value><see langword="null"/> when the service sent no other properties.</value>
    /// <remarks>Set only by deserialization (the serializer requires a setter it can call outside an object initializer).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
