using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>Parameters of <c>createNode</c>.</summary>
/// <param name="NodeId">The connection id to create, e.g. <c>/fn/02DDXX/node</c>.</param>
/// <param name="Type">The connection type, e.g. <c>THREAD</c>.</param>
/// <param name="Version">The client software version (<c>props.VERSION</c>, required by the server).</param>
public sealed record CreateNodeRequest(string NodeId, string Type, string Version)
{
    /// <summary>Gets the name (<c>props.NAME</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the serial number (<c>props.SERIAL_NO</c>).</summary>
    public string? SerialNumber { get; init; }

    /// <summary>Gets further <c>props</c> entries.</summary>
    public JsonObject? AdditionalProps { get; init; }

    /// <summary>Gets the project sent as <c>params.projectIds</c>; <see langword="null"/> uses the client default, then the organisation's Default Project.</summary>
    public string? ProjectId { get; init; }
}
