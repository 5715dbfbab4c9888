using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>The <c>first</c> or <c>last</c> member of an <see cref="ObservationsSummary"/>: <c>{"observations": {"&lt;timestamp&gt;": value}}</c>.</summary>
public sealed record SummaryObservations
{
    /// <summary>Gets the observations as sent: ISO timestamp to value (a number, or an array of raw values).</summary>
    [JsonPropertyName("observations")]
    public IReadOnlyDictionary<string, JsonElement>? Observations { get; init; }

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Gets the observations read as <see cref="Observation"/> values, in timestamp order; keys that are not ISO timestamps are left out (they stay in <see cref="Observations"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<Observation> Points
    {
        get
        {
            var points = new List<Observation>(Observations?.Count ?? 0);
            foreach (var (key, value) in Observations ?? new Dictionary<string, JsonElement>())
            {
                if (!IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(key), out var timestamp))
                {
                    continue;
                }

                points.Add(value.ValueKind switch
                {
                    JsonValueKind.Number => new Observation(timestamp, value.GetDouble()),
                    JsonValueKind.Array => new Observation(timestamp, [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN)]),
                    _ => new Observation(timestamp, double.NaN),
                });
            }

            points.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
            return points;
        }
    }
}
