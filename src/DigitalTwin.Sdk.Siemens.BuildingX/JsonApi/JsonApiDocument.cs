using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A JSON:API top-level document.</summary>
/// <typeparam name="TData">
/// The primary data: one resource (e.g. <c>Device</c>), a list (<c>IReadOnlyList&lt;Device&gt;</c>), or
/// <see cref="JsonElement"/> when untyped.
/// </typeparam>
public sealed record JsonApiDocument<TData>
{
    /// <summary>Gets the primary data; absent in error documents.</summary>
    public TData? Data { get; init; }

    /// <summary>Gets the error objects; present instead of <see cref="Data"/> when the request failed.</summary>
    public IReadOnlyList<JsonApiError>? Errors { get; init; }

    /// <summary>Gets non-standard meta-information.</summary>
    public JsonElement? Meta { get; init; }

    /// <summary>Gets the document's links (<c>self</c>, <c>next</c>, ...).</summary>
    public JsonApiLinks? Links { get; init; }

    /// <summary>Gets the resources requested with <c>include</c>, of any type.</summary>
    public IReadOnlyList<JsonApiResource<JsonElement>>? Included { get; init; }

    /// <summary>Gets the server's JSON:API implementation details.</summary>
    [JsonPropertyName("jsonapi")]
    public JsonApiObject? JsonApi { get; init; }

    /// <summary>Gets top-level members this model does not know.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
