using DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>Entry point of the iTwin IoT SDK: the REST API / Sensor Data Service and the JSON-RPC socket API.</summary>
public interface IITwinIoTClient : IAsyncDisposable
{
    /// <summary>Gets the REST API and Sensor Data Service.</summary>
    IITwinIoTRestClient Rest { get; }

    /// <summary>Gets the JSON-RPC socket API (opened on first use; one socket per client).</summary>
    IITwinIoTSocketClient Socket { get; }
}
