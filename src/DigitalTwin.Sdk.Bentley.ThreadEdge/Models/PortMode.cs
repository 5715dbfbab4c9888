using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>Interface mode of a device port (<c>POST /api/deviceRsSel</c>, <c>content</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PortMode>))]
public enum PortMode
{
    /// <summary>RS-232 serial (<c>RS232</c>).</summary>
    [JsonStringEnumMemberName("RS232")]
    Rs232,

    /// <summary>RS-485 serial (<c>RS485</c>).</summary>
    [JsonStringEnumMemberName("RS485")]
    Rs485,

    /// <summary>Analog input (<c>ANALOG</c>).</summary>
    [JsonStringEnumMemberName("ANALOG")]
    Analog,

    /// <summary>USB (<c>USB</c>); supported on port 1 only.</summary>
    [JsonStringEnumMemberName("USB")]
    Usb,

    /// <summary>Port off (<c>OFF</c>).</summary>
    [JsonStringEnumMemberName("OFF")]
    Off,
}
