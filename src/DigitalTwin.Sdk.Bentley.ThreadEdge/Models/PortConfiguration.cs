using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>
/// Device port properties (<c>GET</c>/<c>PUT /api/configure?port=N</c>). On <c>PUT</c> only the properties that are
/// set (not <see langword="null"/>) are sent: 1 to N properties per call.
/// </summary>
public sealed record PortConfiguration
{
    /// <summary>Gets the serial communication interface type (<c>COMM_TYPE</c>).</summary>
    [JsonPropertyName("COMM_TYPE")]
    public CommType? CommType { get; init; }

    /// <summary>Gets the baud rate (<c>BAUD_RATE</c>), e.g. 9600 or 115200.</summary>
    [JsonPropertyName("BAUD_RATE")]
    public int? BaudRate { get; init; }

    /// <summary>Gets the number of data bits (<c>DATA_BITS</c>): 5, 6, 7 or 8.</summary>
    [JsonPropertyName("DATA_BITS")]
    public int? DataBits { get; init; }

    /// <summary>Gets the parity (<c>PARITY_BIT</c>).</summary>
    [JsonPropertyName("PARITY_BIT")]
    public ParityBit? ParityBit { get; init; }

    /// <summary>Gets the end-of-message delimiters as hex strings (<c>DELIMITERS_HEX</c>), e.g. <c>0D0A</c> or <c>0D</c>.</summary>
    /// <remarks>Sent as a JSON array as in the doc's example; a single string from the device is read as a one-item list.</remarks>
    [JsonPropertyName("DELIMITERS_HEX")]
    [JsonConverter(typeof(HexDelimitersConverter))]
    public IReadOnlyList<string>? DelimitersHex { get; init; }

    /// <summary>Gets the TCP port of the USB RNDIS driver (<c>PORT</c>), e.g. 1212.</summary>
    [JsonPropertyName("PORT")]
    [JsonConverter(typeof(FlexibleInt32Converter))]
    public int? Port { get; init; }

    /// <summary>Gets the host of the USB RNDIS driver (<c>HOST</c>), e.g. <c>192.168.254.3</c>.</summary>
    [JsonPropertyName("HOST")]
    public string? Host { get; init; }

    /// <summary>Gets properties the SDK does not model; kept from the device and sent back on <c>PUT</c>; add one with <see cref="WithProperty"/>.</summary>
    /// <remarks>Set by deserialization only (an init accessor cannot carry extension data in source-generated JSON).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>Returns a copy with one more property the SDK does not model (sent as is on <c>PUT</c>).</summary>
    /// <param name="name">The property name as the device knows it.</param>
    /// <param name="value">The JSON value.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public PortConfiguration WithProperty(string name, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var properties = AdditionalProperties is null
            ? new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(AdditionalProperties, StringComparer.Ordinal);
        properties[name] = value.Clone();
        return this with { AdditionalProperties = properties };
    }

    /// <summary>Returns <see cref="DelimitersHex"/> as byte sequences, for the port record framer.</summary>
    /// <returns>The delimiters; empty when none is configured.</returns>
    /// <exception cref="FormatException">A delimiter is not valid hex.</exception>
    public IReadOnlyList<byte[]> DelimiterBytes()
    {
        if (DelimitersHex is null)
        {
            return [];
        }

        var result = new byte[DelimitersHex.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Convert.FromHexString(DelimitersHex[i]);
        }

        return result;
    }
}
