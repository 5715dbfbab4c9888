using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A GeoJSON-like point: <c>{"type": "Point", "coordinates": [lon, lat, elevation]}</c>; coordinates may be null.</summary>
public sealed record GeoLocation
{
    /// <summary>Gets longitude, latitude and optional elevation; entries may be <see langword="null"/>.</summary>
    [JsonPropertyName("coordinates")]
    public IReadOnlyList<double?>? Coordinates { get; init; }

    /// <summary>Gets the geometry type, usually <c>Point</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
