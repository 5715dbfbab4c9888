using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.ModelData;

/// <summary>One change of a model's history (<c>POST modeldata/{modelID}/history</c>).</summary>
public sealed record HistoryEntry
{
    /// <summary>Gets when the change happened, in Unix milliseconds.</summary>
    [JsonPropertyName("t")]
    public long TimestampMilliseconds { get; init; }

    /// <summary>Gets the id of the user who made the change.</summary>
    [JsonPropertyName("u")]
    public string? UserId { get; init; }

    /// <summary>Gets the name of the user who made the change.</summary>
    [JsonPropertyName("n")]
    public string? UserName { get; init; }

    /// <summary>Gets the description of the change.</summary>
    [JsonPropertyName("d")]
    public string? Description { get; init; }

    /// <summary>Gets the keys of the changed elements (when requested with <see cref="HistoryRequest.IncludeChanges"/>).</summary>
    [JsonPropertyName("k")]
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Gets when the change happened.</summary>
    [JsonIgnore]
    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMilliseconds);
}
