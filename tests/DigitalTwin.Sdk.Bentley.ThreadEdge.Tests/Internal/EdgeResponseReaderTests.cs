using System.Text;
using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests.Internal;

public sealed class EdgeResponseReaderTests
{
    [Theory]
    [InlineData("""{"value":"A1B2C3"}""", "A1B2C3")]
    [InlineData("""{"content":"A1B2C3"}""", "A1B2C3")]
    [InlineData("\"A1B2C3\"", "A1B2C3")]
    [InlineData("A1B2C3\n", "A1B2C3")]
    [InlineData("""{"value":7}""", "7")]
    public void ReadString_AcceptsEveryShapeTheDeviceMightSend(string body, string expected)
    {
        Assert.Equal(expected, EdgeResponseReader.ReadString(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("""{"value":true}""", true)]
    [InlineData("""{"value":"false"}""", false)]
    [InlineData("true", true)]
    [InlineData("'false'", false)]
    [InlineData("False", false)]
    public void ReadBoolean_AcceptsBooleansAndStrings(string body, bool expected)
    {
        Assert.Equal(expected, EdgeResponseReader.ReadBoolean(Encoding.UTF8.GetBytes(body.Replace('\'', '"'))));
    }

    [Theory]
    [InlineData("""{"time":"2019-11-19T15:41:30.000Z"}""")]
    [InlineData("""{"value":"2019-11-19T15:41:30Z"}""")]
    [InlineData("2019-11-19T16:41:30+01:00")]
    public void ReadTime_AcceptsIsoTimes(string body)
    {
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 15, 41, 30, TimeSpan.Zero), EdgeResponseReader.ReadTime(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("""{"value":"12.5"}""", 12.5)]
    [InlineData("87", 87)]
    public void ReadDouble_AcceptsNumericStrings(string body, double expected)
    {
        Assert.Equal(expected, EdgeResponseReader.ReadDouble(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("""{"other":1}""")]
    [InlineData("""{"value":"abc"}""")]
    [InlineData("""{"value":[1]}""")]
    [InlineData("""{"value":null}""")]
    public void ReadDouble_Garbage_ThrowsJsonException(string body)
    {
        Assert.Throws<JsonException>(() => EdgeResponseReader.ReadDouble(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void ReadBoolean_Garbage_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => EdgeResponseReader.ReadBoolean("""{"value":1}"""u8));
        Assert.Throws<JsonException>(() => EdgeResponseReader.ReadTime("""{"time":"soon"}"""u8));
        Assert.Throws<JsonException>(() => EdgeResponseReader.ReadString("""{"value":false}"""u8));
    }
}
