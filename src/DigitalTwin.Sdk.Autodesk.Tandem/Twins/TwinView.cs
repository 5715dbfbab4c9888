using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Twins;

/// <summary>A saved view of a twin (<c>GET twins/{twinID}/views</c>).</summary>
public sealed record TwinView
{
    /// <summary>Gets the view id.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the view label.</summary>
    public string? Label { get; init; }

    /// <summary>Gets a value indicating whether this is the twin's default view.</summary>
    [JsonPropertyName("default")]
    public bool? IsDefault { get; init; }

    /// <summary>Gets when the view was created.</summary>
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>Gets when the view was last modified.</summary>
    public DateTimeOffset? DateModified { get; init; }

    /// <summary>Gets the id of the user who created the view.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Gets the fields the SDK does not model yet (camera, facets, visibility, ...).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
