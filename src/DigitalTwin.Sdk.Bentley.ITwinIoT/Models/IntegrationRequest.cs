using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// The <c>integration</c> of <c>POST /api/integrations/integrate</c>: a new connection with devices and sensors
/// (<see cref="ChangeState"/> <c>new</c>), or devices and sensors under an existing connection (<see cref="NodeId"/>).
/// </summary>
public sealed record IntegrationRequest
{
    /// <summary>Gets <c>new</c> to create a new connection (the server answers 422 when it is missing and no node is given).</summary>
    [JsonPropertyName("changeState")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ChangeState { get; init; }

    /// <summary>Gets the existing connection id (advanced approach).</summary>
    [JsonPropertyName("nodeId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NodeId { get; init; }

    /// <summary>Gets the devices.</summary>
    [JsonPropertyName("devices")]
    public IReadOnlyList<IntegrationDevice> Devices { get; init; } = [];
}
