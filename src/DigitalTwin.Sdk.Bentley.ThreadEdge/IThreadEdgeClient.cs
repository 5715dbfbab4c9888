
namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Typed access to an iTwin IoT THREAD edge device: local REST API and per-port WebSockets.</summary>
/// <remarks>Register with <c>services.AddThreadEdge(...)</c> or create a <see cref="ThreadEdgeClient"/>; fake this
/// interface (and the sub-client interfaces) in host-app tests.</remarks>
public interface IThreadEdgeClient
{
    /// <summary>Gets identity, clock, environment sensors, LED, sleep, versions and updates.</summary>
    IThreadDeviceClient Device { get; }

    /// <summary>Gets charging input, battery and battery saver.</summary>
    IThreadPowerClient Power { get; }

    /// <summary>Gets the device ports: power, mode, configuration, readings, messages, connections and WebSockets.</summary>
    IThreadPortsClient Ports { get; }

    /// <summary>Gets the network route preference and the iTwin IoT cloud connection.</summary>
    IThreadNetworkClient Network { get; }
}
