using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A GeoJSON-like point: <c>{"type": "Point", "coordinates": [lon, lat, elevation]}</c>; coordinates may be null.</summary>
/// <param name="Coordinates">Longitude, latitude and optional elevation; entries may be <see langword="null"/>.</param>
public sealed record GeoLocation([property: JsonPropertyName("coordinates")] IReadOnlyList<double?>? Coordinates)
{
    /// <summary>Gets the geometry type, usually <c>Point</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets members the model does not define.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
