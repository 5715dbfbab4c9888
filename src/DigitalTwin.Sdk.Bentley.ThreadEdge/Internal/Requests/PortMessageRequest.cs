using System.Text.Json.Serialization;


namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>Body of <c>POST /api/message</c>: <c>{"portNumber":1,"message":"hello world"}</c>.</summary>
/// <param name="PortNumber">Device port 1, 2 or 3.</param>
/// <param name="Message">Text to send to the device on the port.</param>
internal sealed record PortMessageRequest(
    [property: JsonPropertyName("portNumber")] int PortNumber,
    [property: JsonPropertyName("message")] string Message);
