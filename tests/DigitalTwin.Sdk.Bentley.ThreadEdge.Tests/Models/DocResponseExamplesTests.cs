using System.Text;
using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests.Models;

/// <summary>Every response example of the doc parses into the models.</summary>
public sealed class DocResponseExamplesTests
{
    [Theory]
    [InlineData("{\n  \"value\":14.5288\n}", 14.5288)] // chargeInputVoltage
    [InlineData("{\n  \"value\":0.0225\n}", 0.0225)] // chargeInputCurrent
    [InlineData("{\n  \"value\":13.7456\n}", 13.7456)] // batteryVoltage
    [InlineData("{\n  \"value\":36.75\n}", 36.75)] // tempRead
    [InlineData("{\n  \"value\":101788.50996\n}", 101788.50996)] // pressRead
    [InlineData("{\n  \"value\":-0.00429\n}", -0.00429)] // deviceAdcRead420
    public void ValueExamples_ParseAsNumbers(string body, double expected)
    {
        Assert.Equal(expected, EdgeResponseReader.ReadDouble(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void BatterySaverExample_Parses()
    {
        var settings = JsonSerializer.Deserialize("""
            {
              "value": false,
              "low": 0,
              "high": 100
            }
            """, ThreadEdgeJsonContext.Default.BatterySaverSettings)!;
        Assert.Equal(new BatterySaverSettings(false, 0, 100), settings with { AdditionalProperties = null });
    }

    [Fact]
    public void InterfacePriorityExample_Parses()
    {
        var priority = JsonSerializer.Deserialize("{\n  \"content\":\"eth0\"\n}", ThreadEdgeJsonContext.Default.InterfacePriority)!;
        Assert.Equal("eth0", priority.Content);
        Assert.Equal(PreferredInterface.Ethernet, priority.Interface);
        Assert.Equal(PreferredInterface.Cellular, new InterfacePriority("ppp0").Interface);
        Assert.Equal(PreferredInterface.Unknown, new InterfacePriority("wlan0").Interface);
    }

    [Fact]
    public void PortPropertiesExample_Parses()
    {
        var configuration = JsonSerializer.Deserialize("""
            {
              "COMM_TYPE" : "RS232",
              "BAUD_RATE" : 9600,
              "DELIMITERS_HEX" : ["0D0A"],
              "PORT" : 1234,
              "HOST" : "127.0.0.1"
            }
            """, ThreadEdgeJsonContext.Default.PortConfiguration)!;
        Assert.Equal(CommType.Rs232, configuration.CommType);
        Assert.Equal(9600, configuration.BaudRate);
        Assert.Equal(["0D0A"], configuration.DelimitersHex!);
        Assert.Equal(1234, configuration.Port);
        Assert.Equal("127.0.0.1", configuration.Host);
        Assert.Equal([[0x0D, 0x0A]], configuration.DelimiterBytes());
    }

    [Fact]
    public void PortProperties_TableForms_StringDelimiterStringPortAndUnknownProperty_Parse()
    {
        var configuration = JsonSerializer.Deserialize(
            """{"DELIMITERS_HEX":"0D","PORT":"1212","PARITY_BIT":"MARK","DATA_BITS":7,"FLOW":"XON"}""",
            ThreadEdgeJsonContext.Default.PortConfiguration)!;
        Assert.Equal(["0D"], configuration.DelimitersHex!);
        Assert.Equal(1212, configuration.Port);
        Assert.Equal(ParityBit.Mark, configuration.ParityBit);
        Assert.Equal(7, configuration.DataBits);
        Assert.Equal("XON", configuration.AdditionalProperties!["FLOW"].GetString());

        var roundTrip = JsonSerializer.Serialize(configuration, ThreadEdgeJsonContext.Default.PortConfiguration);
        Assert.Equal("""{"DATA_BITS":7,"PARITY_BIT":"MARK","DELIMITERS_HEX":["0D"],"PORT":1212,"FLOW":"XON"}""", roundTrip);
    }

    [Theory]
    [InlineData("""{"PORT":"twelve"}""")]
    [InlineData("""{"DELIMITERS_HEX":[1]}""")]
    [InlineData("""{"DELIMITERS_HEX":5}""")]
    [InlineData("""{"COMM_TYPE":"SPI"}""")]
    public void PortProperties_WrongShapes_FailToParse(string body)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(body, ThreadEdgeJsonContext.Default.PortConfiguration));
    }

    [Fact]
    public void TextSwitch_ReadsBooleanOrString()
    {
        Assert.True(JsonSerializer.Deserialize("""{"value":"true"}""", ThreadEdgeJsonContext.Default.TextSwitchRequest)!.Value);
        Assert.False(JsonSerializer.Deserialize("""{"value":false}""", ThreadEdgeJsonContext.Default.TextSwitchRequest)!.Value);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"value":"yes"}""", ThreadEdgeJsonContext.Default.TextSwitchRequest));
    }

    [Fact]
    public void SetTimeRequest_RoundTrips()
    {
        var request = JsonSerializer.Deserialize("""{"time" : "2019-11-19T15:41:30.000Z"}""", ThreadEdgeJsonContext.Default.SetTimeRequest)!;
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 15, 41, 30, TimeSpan.Zero), request.Time);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"time" : 5}""", ThreadEdgeJsonContext.Default.SetTimeRequest));
    }
}
