using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// The result of <c>getObservationsSummary</c>: the first and last observations matching the query. The document does
/// not show the response shape; <c>first</c>/<c>last</c> objects are modelled and anything else is kept in
/// <see cref="ExtensionData"/>.
/// </summary>
public sealed record ObservationsSummary
{
    /// <summary>Gets the first matching observation, if any.</summary>
    [JsonPropertyName("first")]
    public SummaryPoint? First { get; init; }

    /// <summary>Gets the last matching observation, if any.</summary>
    [JsonPropertyName("last")]
    public SummaryPoint? Last { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
