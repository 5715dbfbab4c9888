using System.Text.Json.Serialization;
using System.Text.Json;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>A Tandem group (account) the caller belongs to (<c>GET groups</c>, <c>GET groups/{groupID}</c>).</summary>
public sealed record TandemGroup
{
    /// <summary>Gets the group URN, e.g. <c>urn:adsk.dtg:...</c>.</summary>
    public string? Urn { get; init; }

    /// <summary>Gets the group name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the caller's level of access to the group.</summary>
    public TandemAccessLevel? AccessLevel { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
