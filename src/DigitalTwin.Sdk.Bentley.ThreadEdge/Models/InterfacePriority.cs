using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>The network interface that is currently the preferred route (<c>GET /api/interfacePriority</c>).</summary>
/// <param name="Content">The Linux interface name, e.g. <c>eth0</c> or <c>ppp0</c>.</param>
public sealed record InterfacePriority([property: JsonPropertyName("content")] string Content)
{
    /// <summary>Gets <see cref="Content"/> as a known interface.</summary>
    [JsonIgnore]
    public PreferredInterface Interface => Content switch
    {
        "eth0" => PreferredInterface.Ethernet,
        "ppp0" => PreferredInterface.Cellular,
        _ => PreferredInterface.Unknown,
    };

    /// <summary>Gets properties the SDK does not model, kept as sent by the device.</summary>
    /// <remarks>Set by deserialization only (an init accessor cannot carry extension data in source-generated JSON).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
