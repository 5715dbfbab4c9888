using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>Attributes of a point.</summary>
public sealed record PointAttributes
{
    /// <summary>Gets the point's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the point's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets a value indicating whether the point is active.</summary>
    public bool? IsActive { get; init; }

    /// <summary>Gets the engineering unit of the point's values, e.g. <c>degC</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>Gets the point's data type, e.g. <c>number</c>, <c>boolean</c> or <c>string</c>.</summary>
    public string? DataType { get; init; }

    /// <summary>Gets the present value; only sent when asked for with <c>Field("Point", "pointValue")</c>.</summary>
    public PointValueAttributes? PointValue { get; init; }

    /// <summary>Gets attributes this model does not know, including other fields asked for with <c>field[Point]</c>.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
