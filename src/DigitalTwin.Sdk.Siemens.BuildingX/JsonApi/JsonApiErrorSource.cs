using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>The <c>source</c> of a JSON:API error: where in the request the problem is.</summary>
public sealed record JsonApiErrorSource
{
    /// <summary>Gets a JSON Pointer into the request document, e.g. <c>/data/attributes/name</c>.</summary>
    public string? Pointer { get; init; }

    /// <summary>Gets the URI query parameter that caused the error, e.g. <c>page[limit]</c>.</summary>
    public string? Parameter { get; init; }

    /// <summary>Gets the request header that caused the error.</summary>
    public string? Header { get; init; }

    /// <summary>Gets members this model does not know.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
