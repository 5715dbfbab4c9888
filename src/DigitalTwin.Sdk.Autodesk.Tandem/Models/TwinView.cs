using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>A saved view of a twin (<c>GET twins/{twinID}/views</c>).</summary>
/// <remarks>
/// The fields typed here are those the vendor samples read and write (autodesk-tandem/tutorial-rest <c>views/</c>); the rest
/// (<c>camera</c>, <c>facets</c>, <c>cutPlanes</c>, <c>heatmap</c>, …) land in <see cref="AdditionalProperties"/>.
/// </remarks>
public sealed record TwinView
{
    /// <summary>Gets the view id.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the name of the view shown in Tandem, e.g. <c>Home</c>.</summary>
    public string? ViewName { get; init; }

    /// <summary>Gets the label (group) the view is filed under.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the author of the view, as text (its JSON form when the service sends something other than a string).</summary>
    [JsonConverter(typeof(LenientStringJsonConverter))]
    public string? Author { get; init; }

    /// <summary>Gets when the view was created.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>Gets the version of the view format, e.g. <c>2</c>.</summary>
    public int? Version { get; init; }

    /// <summary>Gets the fields the SDK does not model (camera, facets, cut planes, heatmap, ...).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
