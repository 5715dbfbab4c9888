using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>Parameters of <c>createSensor</c>.</summary>
/// <param name="SensorId">The sensor id to create, e.g. <c>/instantel/3E216E/node/demo_sensor/UM9169/device/demo-1/sensor</c>.</param>
/// <param name="Type">The sensor type, e.g. <c>DEMO_SENSOR</c>.</param>
public sealed record CreateSensorRequest(string SensorId, string Type)
{
    /// <summary>Gets the observation type; defaults to <see cref="Type"/> when <see langword="null"/>.</summary>
    public string? ObservationType { get; init; }

    /// <summary>Gets the name (<c>props.NAME</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Gets further <c>props</c> entries.</summary>
    public JsonObject? AdditionalProps { get; init; }

    /// <summary>Gets the project sent as <c>params.projectIds</c>; <see langword="null"/> uses the client default, then the organisation's Default Project.</summary>
    public string? ProjectId { get; init; }
}
