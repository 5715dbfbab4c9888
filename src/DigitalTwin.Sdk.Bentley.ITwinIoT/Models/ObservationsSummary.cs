using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// One sensor's entry of a <c>getObservationsSummary</c> result: the service answers a map keyed by sensor id whose
/// values carry <c>first</c> and <c>last</c>, each with an <c>observations</c> map of timestamp to value (the shape
/// Bentley's own client reads). Anything else is kept in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed record ObservationsSummary
{
    /// <summary>Gets the sensor's first observation, if any.</summary>
    [JsonPropertyName("first")]
    public SummaryObservations? First { get; init; }

    /// <summary>Gets the sensor's last observation, if any.</summary>
    [JsonPropertyName("last")]
    public SummaryObservations? Last { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
