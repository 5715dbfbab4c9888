using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A JSON:API error object, as Building X returns them in a top-level <c>errors</c> array.</summary>
public sealed record JsonApiError
{
    /// <summary>Gets the unique identifier of this occurrence of the problem.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the error's links (<c>about</c>, <c>type</c>).</summary>
    public JsonApiLinks? Links { get; init; }

    /// <summary>Gets the HTTP status code applicable to this problem, as a string (e.g. <c>"400"</c>).</summary>
    public string? Status { get; init; }

    /// <summary>Gets the application-specific error code, as a string (e.g. <c>"34-0001"</c>).</summary>
    public string? Code { get; init; }

    /// <summary>Gets the short, human-readable summary of the problem.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the explanation specific to this occurrence.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets what in the request caused the problem.</summary>
    public JsonApiErrorSource? Source { get; init; }

    /// <summary>Gets non-standard meta-information about the error.</summary>
    public JsonElement? Meta { get; init; }

    /// <summary>Gets members of the error object this model does not know.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
