using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A device with its sensors in an integration request.</summary>
public sealed record IntegrationDevice
{
    /// <summary>Gets <c>new</c>, <c>update</c> or <c>remove</c>.</summary>
    [JsonPropertyName("changeState")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ChangeState { get; init; } = "new";

    /// <summary>Gets the caller's unique id of the entity.</summary>
    [JsonPropertyName("refId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RefId { get; init; }

    /// <summary>Gets the props (<c>INTEGRATION_ID</c> required for new devices).</summary>
    [JsonPropertyName("props")]
    public JsonObject Props { get; init; } = [];

    /// <summary>Gets the sensors of the device.</summary>
    [JsonPropertyName("sensors")]
    public IReadOnlyList<IntegrationSensor> Sensors { get; init; } = [];
}
