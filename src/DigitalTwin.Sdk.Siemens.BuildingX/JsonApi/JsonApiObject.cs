using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>The top-level <c>jsonapi</c> member: the server's implementation of the specification.</summary>
public sealed record JsonApiObject
{
    /// <summary>Gets the highest JSON:API version supported, e.g. <c>1.1</c>.</summary>
    public string? Version { get; init; }

    /// <summary>Gets the URIs of applied extensions.</summary>
    public IReadOnlyList<string>? Ext { get; init; }

    /// <summary>Gets the URIs of applied profiles.</summary>
    public IReadOnlyList<string>? Profile { get; init; }

    /// <summary>Gets non-standard meta-information.</summary>
    public JsonElement? Meta { get; init; }

    /// <summary>Gets members this model does not know.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
