using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.ModelData;

/// <summary>One attribute (column) of a model schema.</summary>
public sealed record SchemaAttribute
{
    /// <summary>Gets the qualified id (<c>family:column</c>), e.g. <c>z:Dg</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the column family, e.g. <c>z</c>.</summary>
    [JsonPropertyName("fam")]
    public string? Family { get; init; }

    /// <summary>Gets the column name within the family, e.g. <c>Dg</c>.</summary>
    [JsonPropertyName("col")]
    public string? Column { get; init; }

    /// <summary>Gets the display name, e.g. <c>Temperature</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the display category.</summary>
    public string? Category { get; init; }

    /// <summary>Gets the data type code.</summary>
    public int? DataType { get; init; }

    /// <summary>Gets the attribute flags.</summary>
    public int? Flags { get; init; }

    /// <summary>Gets the Forge unit id, e.g. <c>celsius</c>.</summary>
    public string? ForgeUnit { get; init; }

    /// <summary>Gets the Forge symbol id, e.g. <c>degreeC</c>.</summary>
    public string? ForgeSymbol { get; init; }

    /// <summary>Gets the Forge spec id, e.g. <c>piping.temperature</c>.</summary>
    public string? ForgeSpec { get; init; }

    /// <summary>Gets the context code.</summary>
    public string? Context { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
