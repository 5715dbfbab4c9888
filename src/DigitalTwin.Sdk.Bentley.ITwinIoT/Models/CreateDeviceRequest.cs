using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>Parameters of <c>createDevice</c>.</summary>
/// <param name="DeviceId">The device id to create, e.g. <c>/fn/02DDC5/node/demo/032432/device</c>.</param>
/// <param name="Type">The device type, e.g. <c>DEMO</c>.</param>
/// <param name="NodeId">The connection the device is attached to (<c>props.NODE_ID</c>, required by the server).</param>
public sealed record CreateDeviceRequest(string DeviceId, string Type, string NodeId)
{
    /// <summary>Gets the name (<c>props.NAME</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Gets further <c>props</c> entries.</summary>
    public JsonObject? AdditionalProps { get; init; }

    /// <summary>Gets the project sent as <c>params.projectIds</c>; <see langword="null"/> uses the client default, then the organisation's Default Project.</summary>
    public string? ProjectId { get; init; }
}
