using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>The value of a custom field on an <see cref="Asset"/>, as embedded in the asset's <c>CustomFields</c>.</summary>
/// <remarks>
/// A custom field's value is a string, a number or a boolean depending on the field, so <see cref="Value"/> is the raw
/// JSON; read it with <see cref="JsonElement.ValueKind"/> and <see cref="JsonElement.GetString"/>,
/// <see cref="JsonElement.GetDecimal"/> or <see cref="JsonElement.GetBoolean"/>. Filter by a custom field with
/// <c>Filter.Equal(FieldPath.CustomField(id), 3)</c>.
/// </remarks>
public sealed record CustomFieldValue
{
    /// <summary>Gets the custom field's identifier (the one used in <c>CustomFields[&lt;id&gt;].Value</c> filter paths).</summary>
    /// <value>Usually a GUID string, e.g. <c>4be891a7-58c8-4f14-8b5b-e878fe3016f3</c>.</value>
    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    /// <summary>Gets the custom field's name.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary>Gets the value as raw JSON: a string, number or boolean.</summary>
    /// <value><see langword="null"/> when not returned or JSON <c>null</c>.</value>
    [JsonPropertyName("Value")]
    public JsonElement? Value { get; init; }

    /// <summary>Gets the JSON properties this model does not declare, kept so nothing the service sends is lost.</summary>
    /// <value><see langword="null"/> when the service sent no other properties.</value>
    /// <remarks>Set only by deserialization (the serializer requires a setter it can call outside an object initializer).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
