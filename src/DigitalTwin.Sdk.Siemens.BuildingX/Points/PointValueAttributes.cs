using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>Attributes of a point value.</summary>
public sealed record PointValueAttributes
{
    /// <summary>Gets when the value was measured or set (RFC 3339 on the wire).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Gets the value: a number, string or boolean depending on the point.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Gets the value last commanded, when the point has one.</summary>
    public JsonElement? TargetValue { get; init; }

    /// <summary>Gets the quality of the value as the service reports it (0 is good).</summary>
    public int? QualityOfValue { get; init; }

    /// <summary>Gets attributes this model does not know (the vendor adds properties over time).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
