using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// A connection (node), device or sensor of an iTwin IoT network (doc: "Working With Entities").
/// </summary>
/// <param name="Id">The entity id, e.g. <c>/fn/6C4F6D/node</c>; ids contain slashes.</param>
/// <param name="Type">The type, e.g. <c>THREAD</c>, <c>DGSI_M_LOGGER</c>, <c>TILT_BIAXIAL_DGSI</c>.</param>
/// <param name="Props">Configuration properties.</param>
public sealed record ITwinIoTEntity(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("props")] EntityProperties? Props)
{
    /// <summary>Gets the parent device id (sensors only).</summary>
    [JsonPropertyName("device")]
    public string? Device { get; init; }

    /// <summary>Gets the observation type (sensors only).</summary>
    [JsonPropertyName("observationType")]
    public string? ObservationType { get; init; }

    /// <summary>Gets user-defined properties, when present.</summary>
    [JsonPropertyName("customProps")]
    public JsonElement? CustomProps { get; init; }

    /// <summary>Gets or sets members the model does not define, kept so nothing the server adds is lost (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
