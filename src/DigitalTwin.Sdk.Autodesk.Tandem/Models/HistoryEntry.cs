using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>One change of a model's history (<c>POST modeldata/{modelID}/history</c>).</summary>
/// <remarks>
/// Field names from the history constants of <c>autodesk-tandem/tutorial-rest</c> (<c>common/constants.js</c>, <c>HC</c>)
/// and the official OpenAPI; fields the SDK does not type stay in <see cref="AdditionalProperties"/>.
/// </remarks>
public sealed record HistoryEntry
{
    /// <summary>Gets when the change happened, in Unix milliseconds (<c>t</c>).</summary>
    [JsonPropertyName("t")]
    public long TimestampMilliseconds { get; init; }

    /// <summary>Gets the name of the user who made the change (<c>n</c>).</summary>
    [JsonPropertyName("n")]
    public string? UserName { get; init; }

    /// <summary>Gets the description of the change (<c>d</c>).</summary>
    [JsonPropertyName("d")]
    public string? Description { get; init; }

    /// <summary>Gets the kind of change (<c>o</c>), e.g. <c>mutate</c>, <c>bulk_import</c>, <c>state_change</c>.</summary>
    [JsonPropertyName("o")]
    public string? Operation { get; init; }

    /// <summary>Gets the id of the client (application) that made the change (<c>c</c>).</summary>
    [JsonPropertyName("c")]
    public string? ClientId { get; init; }

    /// <summary>Gets the correlation id of the change (<c>i</c>).</summary>
    [JsonPropertyName("i")]
    public string? CorrelationId { get; init; }

    /// <summary>
    /// Gets the keys of the changed elements (<c>k</c>, when requested with <see cref="HistoryRequest.IncludeChanges"/>):
    /// short keys, or full keys with <see cref="HistoryRequest.UseFullKeys"/>.
    /// </summary>
    [JsonPropertyName("k")]
    public IReadOnlyList<ElementKey>? Keys { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Gets when the change happened.</summary>
    [JsonIgnore]
    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(TimestampMilliseconds);
}
