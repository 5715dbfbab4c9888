using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>Body of <c>DELETE /api/configure?port=N</c>: <c>{"resources":["HOST","PORT"]}</c>.</summary>
/// <param name="Resources">The properties to remove.</param>
public sealed record RemovePortConfigurationRequest([property: JsonPropertyName("resources")] IReadOnlyList<PortConfigurationProperty> Resources);
