using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>The location of a <see cref="Site"/>, as embedded in the site (<c>"Location": {"Id", "Name", "ChildrenCount"}</c>).</summary>
/// <remarks>Every property is optional: the server populates what the <c>select</c> header asked for, and sometimes more.</remarks>
public sealed record SiteLocation
{
    /// <summary>Gets the location's identifier.</summary>
    /// <value>Usually a GUID string, e.g. <c>4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236</c>; kept as text because the service does not guarantee the format.</value>
    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    /// <summary>Gets the location's name.</summary>
    /// <value>For example <c>Zug</c>.</value>
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary>Gets the number of child locations.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("ChildrenCount")]
    public int? ChildrenCount { get; init; }

    /// <summary>Gets the JSON properties this model does not declare, kept so nothing the service sends is lost.</summary>
    /// <value><see langword="null"/> when the service sent no other properties.</value>
    /// <remarks>Set only by deserialization (the serializer requires a setter it can call outside an object initializer).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
