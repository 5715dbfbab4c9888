namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>Which publication of the REST API (and Sensor Data Service) the client talks to.</summary>
public enum ITwinIoTRestApi
{
    /// <summary>iTwin IoT itself: <c>https://iiot.bentley.com/api/...</c>.</summary>
    ITwinIoT,

    /// <summary>
    /// The same Sensor Data Service on the iTwin Platform: <c>https://api.bentley.com/sensor-data/...</c>, sent with
    /// <c>Accept: application/vnd.bentley.itwin-platform.v1+json</c>; errors come as <c>{"error": {code, message, target}}</c>.
    /// </summary>
    ITwinPlatform,
}
