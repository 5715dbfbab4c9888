using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>Parity of a serial port configuration (<c>PARITY_BIT</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParityBit>))]
public enum ParityBit
{
    /// <summary>No parity (<c>NONE</c>).</summary>
    [JsonStringEnumMemberName("NONE")]
    None,

    /// <summary>Odd parity (<c>ODD</c>).</summary>
    [JsonStringEnumMemberName("ODD")]
    Odd,

    /// <summary>Even parity (<c>EVEN</c>).</summary>
    [JsonStringEnumMemberName("EVEN")]
    Even,

    /// <summary>Mark parity (<c>MARK</c>).</summary>
    [JsonStringEnumMemberName("MARK")]
    Mark,

    /// <summary>Space parity (<c>SPACE</c>).</summary>
    [JsonStringEnumMemberName("SPACE")]
    Space,
}
