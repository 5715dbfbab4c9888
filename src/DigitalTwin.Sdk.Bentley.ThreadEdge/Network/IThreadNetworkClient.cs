using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Network route preference and the iTwin IoT cloud connection of the THREAD.</summary>
/// <remarks>Errors as on <see cref="IThreadDeviceClient"/>.</remarks>
public interface IThreadNetworkClient
{
    /// <summary>Gets the network interface that is currently the preferred route. <c>GET /api/interfacePriority</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The interface, e.g. <c>eth0</c> (<see cref="PreferredInterface.Ethernet"/>).</returns>
    Task<InterfacePriority> GetInterfacePriorityAsync(CancellationToken cancellationToken = default);

    /// <summary>Prefers cellular (<c>ppp0</c>) or ethernet (<c>eth0</c>) as default route when available.
    /// <c>PUT /api/interfacePriority/cellular</c> or <c>/ethernet</c>.</summary>
    /// <param name="preferred"><see cref="PreferredInterface.Cellular"/> or <see cref="PreferredInterface.Ethernet"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device switched.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="preferred"/> is <see cref="PreferredInterface.Unknown"/> or undefined.</exception>
    Task UpdateInterfacePriorityAsync(PreferredInterface preferred, CancellationToken cancellationToken = default);

    /// <summary>Tells whether the iTwin IoT cloud connection is enabled. <c>GET /api/cloudConnection</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when enabled.</returns>
    Task<bool> GetCloudConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>Enables or disables the iTwin IoT cloud connection. <c>PUT /api/cloudConnection</c>.</summary>
    /// <param name="enabled">Whether the THREAD connects to iTwin IoT cloud.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device accepted the setting.</returns>
    /// <remarks>Persistent across reboots, not factory resets. Disabling makes the LED red (see <see cref="IThreadDeviceClient.UpdateLedAsync"/>).</remarks>
    Task UpdateCloudConnectionAsync(bool enabled, CancellationToken cancellationToken = default);
}
