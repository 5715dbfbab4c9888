namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>Which publication of the REST API (and Sensor Data Service) the client talks to.</summary>
public enum ITwinIoTRestApi
{
    /// <summary>iTwin IoT itself: <c>https://iiot.bentley.com/api/...</c>.</summary>
    ITwinIoT,

    /// <summary>
    /// The Sensor Data API of the iTwin Platform: <c>https://api.bentley.com/sensor-data/...</c>, sent with
    /// <c>Accept: application/vnd.bentley.itwin-platform.v1+json</c>; errors come as <c>{"error": {code, message, target}}</c>.
    /// Only its published operations exist: Get Nodes (<c>integrations/nodes?iTwinId</c>), Process Integration
    /// (<c>integrations/integrate?iTwinId</c>), Query Raw Data and Remove Data (<c>data/observations</c>), Upload Data
    /// (<c>data/upload</c>); the client's other REST methods throw <see cref="NotSupportedException"/> in this mode.
    /// </summary>
    ITwinPlatform,
}
