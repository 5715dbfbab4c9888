using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>Serial communication interface type of a port configuration (<c>COMM_TYPE</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommType>))]
public enum CommType
{
    /// <summary>RS-232 (<c>RS232</c>).</summary>
    [JsonStringEnumMemberName("RS232")]
    Rs232,

    /// <summary>RS-485 (<c>RS485</c>).</summary>
    [JsonStringEnumMemberName("RS485")]
    Rs485,

    /// <summary>USB (<c>USB</c>); <c>PORT</c> and <c>HOST</c> apply to its RNDIS driver.</summary>
    [JsonStringEnumMemberName("USB")]
    Usb,
}
