using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>A twin (facility) as returned by <c>GET twins/{twinID}</c>.</summary>
/// <remarks>Every field of the vendor doc is modelled; unknown fields land in <see cref="AdditionalProperties"/>.</remarks>
public sealed record TandemTwin
{
    /// <summary>Gets the caller's level of access to the twin.</summary>
    public TandemAccessLevel? AccessLevel { get; init; }

    /// <summary>Gets the URN of the account (group) that owns the twin, e.g. <c>urn:adsk.dtg:...</c>.</summary>
    public string? AccountGroup { get; init; }

    /// <summary>Gets the account type, e.g. <c>free</c>.</summary>
    public string? AccountType { get; init; }

    /// <summary>Gets a value indicating whether the overhead floor slab bounds room assignment.</summary>
    public bool? BoundByUpperFloor { get; init; }

    /// <summary>Gets when the facility was created.</summary>
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>Gets when the facility was last modified.</summary>
    public DateTimeOffset? DateModified { get; init; }

    /// <summary>Gets the documents linked to the facility.</summary>
    public IReadOnlyList<TwinDocument> Docs { get; init; } = [];

    /// <summary>Gets the entity tag of the twin settings.</summary>
    public string? Etag { get; init; }

    /// <summary>Gets the models linked to the facility.</summary>
    public IReadOnlyList<TwinModelLink> Links { get; init; } = [];

    /// <summary>Gets the facility properties: category (e.g. <c>Identity Data</c>) → property name (e.g. <c>Building Name</c>) → value.</summary>
    /// <remarks>Category and property names are display names and contain spaces.</remarks>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>> Props { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>();

    /// <summary>Gets the handover details when the twin is being transferred to another account.</summary>
    public TwinHandover? Handover { get; init; }

    /// <summary>Gets the schema version used by the models of this twin.</summary>
    public int? SchemaVersion { get; init; }

    /// <summary>Gets a value indicating whether walls, ceilings and floors are left out of room assignment.</summary>
    public bool? SkipRoomBounders { get; init; }

    /// <summary>Gets the facility template applied to the twin.</summary>
    public TwinTemplate? Template { get; init; }

    /// <summary>Gets the time of the last thumbnail update in Unix milliseconds.</summary>
    public long? ThumbnailLastUpdate { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Gets the link of the main model, if one is marked <c>main</c>.</summary>
    [JsonIgnore]
    public TwinModelLink? MainModel => Links.FirstOrDefault(l => l.Main == true);

    /// <summary>Gets a facility property as text.</summary>
    /// <param name="category">Category name, e.g. <c>Identity Data</c>.</param>
    /// <param name="name">Property name, e.g. <c>Building Name</c>.</param>
    /// <returns>The value as text (numbers and booleans in their JSON form), or <see langword="null"/> when absent or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    public string? GetProperty(string category, string name)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(name);
        if (!Props.TryGetValue(category, out var values) || !values.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }
}
