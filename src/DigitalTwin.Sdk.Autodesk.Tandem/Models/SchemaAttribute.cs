using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>One attribute (column) of a model schema.</summary>
/// <remarks>Fields of the official OpenAPI and the schema example of the APS blog "Tandem Data API – Reading Stream Data".</remarks>
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

    /// <summary>Gets the context code: <c>e</c> (element) or <c>t</c> (type).</summary>
    public string? Context { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the display name, when it differs from <see cref="Name"/>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the data type context.</summary>
    public string? DataTypeContext { get; init; }

    /// <summary>Gets the display precision.</summary>
    public int? Precision { get; init; }

    /// <summary>Gets the allowed values (a list for the user to choose from), as sent.</summary>
    public JsonElement? AllowedValues { get; init; }

    /// <summary>Gets the display options, as sent.</summary>
    public JsonElement? DisplayOptions { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
