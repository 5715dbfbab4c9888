using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A JSON:API links object. Absent keys mean the link is unavailable (no <see cref="Next"/>: last page).</summary>
public sealed record JsonApiLinks
{
    /// <summary>Gets the link to the current document or page.</summary>
    public JsonApiLink? Self { get; init; }

    /// <summary>Gets the related-resource link of a relationship.</summary>
    public JsonApiLink? Related { get; init; }

    /// <summary>Gets the first page.</summary>
    public JsonApiLink? First { get; init; }

    /// <summary>Gets the last page.</summary>
    public JsonApiLink? Last { get; init; }

    /// <summary>Gets the previous page.</summary>
    public JsonApiLink? Prev { get; init; }

    /// <summary>Gets the next page; absent on the last page.</summary>
    public JsonApiLink? Next { get; init; }

    /// <summary>Gets an error's link to details about this occurrence.</summary>
    public JsonApiLink? About { get; init; }

    /// <summary>Gets a link to a description document (JSON:API 1.1).</summary>
    public JsonApiLink? Describedby { get; init; }

    /// <summary>Gets links this model does not know.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
