using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>A model linked to a facility (an entry of <c>links</c>).</summary>
public sealed record TwinModelLink
{
    /// <summary>Gets the caller's level of access to the model.</summary>
    public TandemAccessLevel? AccessLevel { get; init; }

    /// <summary>Gets the disciplines of the model; the service may send <see langword="null"/>.</summary>
    public IReadOnlyList<string>? Disciplines { get; init; }

    /// <summary>Gets the label, usually the source file name.</summary>
    public string? Label { get; init; }

    /// <summary>Gets a value indicating whether this is the main model.</summary>
    public bool? Main { get; init; }

    /// <summary>Gets the model URN, e.g. <c>urn:adsk.dtm:...</c>.</summary>
    public string? ModelId { get; init; }

    /// <summary>Gets a value indicating whether the model is switched on.</summary>
    public bool? On { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
