using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Rest;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Implements <see cref="IThreadNetworkClient"/> over the edge REST API (<see cref="INetworkApi"/>).</summary>
internal sealed class ThreadNetworkClient(INetworkApi api, EdgeResponses responses) : IThreadNetworkClient
{
    public Task<InterfacePriority> GetInterfacePriorityAsync(CancellationToken cancellationToken = default) =>
        responses.ReadJsonAsync(api.GetInterfacePriorityAsync("GetInterfacePriority", cancellationToken), ThreadEdgeJsonContext.Default.InterfacePriority, cancellationToken);

    public Task UpdateInterfacePriorityAsync(PreferredInterface preferred, CancellationToken cancellationToken = default)
    {
        var segment = preferred switch
        {
            PreferredInterface.Cellular => "cellular",
            PreferredInterface.Ethernet => "ethernet",
            _ => throw new ArgumentOutOfRangeException(nameof(preferred), preferred, "Choose Cellular or Ethernet."),
        };
        return responses.CompleteAsync(api.SetInterfacePriorityAsync(segment, "SetInterfacePriority", cancellationToken), cancellationToken);
    }

    public Task<bool> GetCloudConnectionAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetCloudConnectionAsync("GetCloudConnection", cancellationToken), static (b, t) => EdgeResponseReader.ReadBoolean(b, t), cancellationToken);

    public Task UpdateCloudConnectionAsync(bool enabled, CancellationToken cancellationToken = default) =>
        responses.CompleteAsync(api.SetCloudConnectionAsync(new TextSwitchRequest(enabled), "SetCloudConnection", cancellationToken), cancellationToken);
}
