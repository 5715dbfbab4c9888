using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A sensor in an integration request (doc: "Create Connection, Device(s), and Sensor(s)").</summary>
public sealed record IntegrationSensor
{
    /// <summary>Gets <c>new</c>, <c>update</c> or <c>remove</c>.</summary>
    [JsonPropertyName("changeState")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ChangeState { get; init; } = "new";

    /// <summary>Gets the caller's unique id of the entity, used to update or remove it later.</summary>
    [JsonPropertyName("refId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RefId { get; init; }

    /// <summary>Gets the props: <c>INTEGRATION_ID</c> (required for new entities), <c>NAME</c>, <c>LOCATION</c>,
    /// <c>UNKNOWN_/KNOWN_METRICS</c>, <c>UNKNOWN_/KNOWN_UNITS</c>, <c>SERIAL_NO</c>, <c>NOTES</c>.</summary>
    [JsonPropertyName("props")]
    public JsonObject Props { get; init; } = [];
}
