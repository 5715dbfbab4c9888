namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>Entry point of the iTwin IoT SDK: the REST API / Sensor Data Service and the JSON-RPC socket API.</summary>
/// <remarks>The mocking surface of <see cref="ITwinIoTClient"/>; the instance behind it owns the socket and is disposed by its creator (or the DI container).</remarks>
public interface IITwinIoTClient
{
    /// <summary>Gets the REST API and Sensor Data Service.</summary>
    IITwinIoTRestClient Rest { get; }

    /// <summary>Gets the JSON-RPC socket API (opened on first use; one socket per client).</summary>
    IITwinIoTSocketClient Socket { get; }
}
