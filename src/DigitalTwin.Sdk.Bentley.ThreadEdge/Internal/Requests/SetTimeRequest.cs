using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;


namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>Body of <c>POST /api/time</c>: <c>{"time":"2019-11-19T15:41:30.000Z"}</c>.</summary>
/// <param name="Time">Date time to set on the device; sent in UTC with milliseconds.</param>
internal sealed record SetTimeRequest([property: JsonPropertyName("time"), JsonConverter(typeof(DeviceTimeConverter))] DateTimeOffset Time);
