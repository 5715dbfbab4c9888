using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A JSON:API link: a URI-reference string, or a link object with <c>href</c> and more.</summary>
/// <param name="Href">The link target; may be absolute or relative (Building X sends <c>/operations/...</c>).</param>
[JsonConverter(typeof(JsonApiLinkConverter))]
public sealed record JsonApiLink(string Href)
{
    /// <summary>Gets the link relation type of a link object.</summary>
    public string? Rel { get; init; }

    /// <summary>Gets the human-readable title of a link object.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the media type of the target of a link object.</summary>
    public string? MediaType { get; init; }

    /// <summary>Gets the language(s) of the target of a link object.</summary>
    public string? Hreflang { get; init; }

    /// <summary>Gets non-standard meta-information about the link.</summary>
    public JsonElement? Meta { get; init; }

    /// <summary>Returns <see cref="Href"/>.</summary>
    /// <returns>The link target.</returns>
    public override string ToString() => Href;
}
