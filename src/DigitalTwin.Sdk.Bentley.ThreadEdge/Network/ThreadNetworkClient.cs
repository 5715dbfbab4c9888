using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Implements <see cref="IThreadNetworkClient"/> over the edge REST API.</summary>
internal sealed class ThreadNetworkClient(EdgeTransport transport) : IThreadNetworkClient
{
    public Task<InterfacePriority> GetInterfacePriorityAsync(CancellationToken cancellationToken = default) =>
        transport.ReadJsonAsync(EdgeRequests.GetInterfacePriority(), "GetInterfacePriority", ThreadEdgeJsonContext.Default.InterfacePriority, cancellationToken);

    public Task UpdateInterfacePriorityAsync(PreferredInterface preferred, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.SetInterfacePriority(preferred), "SetInterfacePriority", cancellationToken);

    public Task<bool> GetCloudConnectionAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetCloudConnection(), "GetCloudConnection", static (b, t) => EdgeResponseReader.ReadBoolean(b, t), cancellationToken);

    public Task UpdateCloudConnectionAsync(bool enabled, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.SetCloudConnection(enabled), "SetCloudConnection", cancellationToken);
}
