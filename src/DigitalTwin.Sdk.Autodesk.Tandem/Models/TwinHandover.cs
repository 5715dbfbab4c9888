using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>Details of a twin being handed over to another account.</summary>
public sealed record TwinHandover
{
    /// <summary>Gets the receiver's id.</summary>
    public string? ReceiverId { get; init; }

    /// <summary>Gets the cached name of the receiver's account.</summary>
    public string? ReceiverName { get; init; }

    /// <summary>Gets the URN of the transferred twin.</summary>
    public string? TwinId { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
