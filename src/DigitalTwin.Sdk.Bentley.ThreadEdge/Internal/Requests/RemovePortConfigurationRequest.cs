using System.Text.Json.Serialization;

using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>Body of <c>DELETE /api/configure?port=N</c>: <c>{"resources":["HOST","PORT"]}</c>.</summary>
/// <param name="Resources">The properties to remove.</param>
internal sealed record RemovePortConfigurationRequest([property: JsonPropertyName("resources")] IReadOnlyList<PortConfigurationProperty> Resources);
