namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>The network interface preferred as default route (<c>/api/interfacePriority</c>).</summary>
public enum PreferredInterface
{
    /// <summary>A name the SDK does not know; see <see cref="InterfacePriority.Content"/>.</summary>
    Unknown,

    /// <summary>Ethernet, <c>eth0</c> (<c>PUT /api/interfacePriority/ethernet</c>).</summary>
    Ethernet,

    /// <summary>Cellular, <c>ppp0</c> (<c>PUT /api/interfacePriority/cellular</c>).</summary>
    Cellular,
}
