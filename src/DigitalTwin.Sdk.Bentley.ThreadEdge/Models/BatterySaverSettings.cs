using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>The battery saver configuration (<c>GET /api/batterySaver</c>).</summary>
/// <param name="Enabled">Whether the battery saver is on (<c>value</c>).</param>
/// <param name="Low">State of charge, in percent, at which the device shuts off (<c>low</c>, 0-40).</param>
/// <param name="High">State of charge, in percent, at which charging stops (<c>high</c>, 60-100).</param>
public sealed record BatterySaverSettings(
    [property: JsonPropertyName("value")] bool Enabled,
    [property: JsonPropertyName("low")] int Low,
    [property: JsonPropertyName("high")] int High)
{
    /// <summary>Gets properties the SDK does not model, kept as sent by the device.</summary>
    /// <remarks>Set by deserialization only (an init accessor cannot carry extension data in source-generated JSON).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
