using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>A device port property name, as listed in <c>DELETE /api/configure</c> <c>resources</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PortConfigurationProperty>))]
public enum PortConfigurationProperty
{
    /// <summary><c>COMM_TYPE</c>.</summary>
    [JsonStringEnumMemberName("COMM_TYPE")]
    CommType,

    /// <summary><c>BAUD_RATE</c>.</summary>
    [JsonStringEnumMemberName("BAUD_RATE")]
    BaudRate,

    /// <summary><c>DATA_BITS</c>.</summary>
    [JsonStringEnumMemberName("DATA_BITS")]
    DataBits,

    /// <summary><c>PARITY_BIT</c>.</summary>
    [JsonStringEnumMemberName("PARITY_BIT")]
    ParityBit,

    /// <summary><c>DELIMITERS_HEX</c>.</summary>
    [JsonStringEnumMemberName("DELIMITERS_HEX")]
    DelimitersHex,

    /// <summary><c>PORT</c>.</summary>
    [JsonStringEnumMemberName("PORT")]
    Port,

    /// <summary><c>HOST</c>.</summary>
    [JsonStringEnumMemberName("HOST")]
    Host,
}
