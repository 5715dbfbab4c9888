using System.Globalization;
using System.Text.Json;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

public class FilterValueTests
{
    [Theory]
    [InlineData("Pump", "\"Pump\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\temp\\x", "\"C:\\\\temp\\\\x\"")]
    [InlineData("line1\nline2", "\"line1\\u000Aline2\"")]
    [InlineData("tab\there", "\"tab\\u0009here\"")]
    [InlineData("cr\r", "\"cr\\u000D\"")]
    [InlineData("\u0001", "\"\\u0001\"")]
    [InlineData("\u0000", "\"\\u0000\"")]
    [InlineData("\u001F", "\"\\u001F\"")]
    [InlineData("del\u007F", "\"del\\u007F\"")]
    [InlineData("caf\u00e9", "\"caf\\u00E9\"")]
    [InlineData("\u00A0", "\"\\u00A0\"")]
    [InlineData("\u20AC5", "\"\\u20AC5\"")]
    [InlineData("\u65E5\u672C", "\"\\u65E5\\u672C\"")]
    [InlineData("pump \U0001F600!", "\"pump \\uD83D\\uDE00!\"")]
    [InlineData("/<>&'+`~", "\"/<>&'+`~\"")]
    [InlineData("100W - 277V", "\"100W - 277V\"")]
    public void FromString_EscapesToAsciiJson(string value, string expected)
    {
        var json = FilterValue.FromString(value).Json;

        Assert.Equal(expected, json);
        Assert.All(json, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(value, Decode(json).GetString());
    }

    [Fact]
    public void FromString_EveryBmpCharacter_DecodesBackToItself()
    {
        var chars = new char[0xD800];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)i;
        }

        var text = new string(chars);
        var json = FilterValue.FromString(text).Json;

        Assert.All(json, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(text, Decode(json).GetString());
    }

    [Fact]
    public void FromString_UnpairedSurrogate_ThrowsArgumentException()
    {
        // Not a theory: attribute arguments and xunit's test-case serialisation are UTF-8, turning lone surrogates into U+FFFD.
        string[] values = ["\uD83D", "a\uD83Db", "\uDE00", "\uDE00\uD83D", "ok\uD83D\uDE00\uD83D"];
        foreach (var value in values)
        {
            Assert.Contains(value, char.IsSurrogate);
            var ex = Assert.Throws<ArgumentException>(() => FilterValue.FromString(value));
            Assert.Equal("value", ex.ParamName);
        }
    }

    [Fact]
    public void FromString_Null_IsJsonNull()
    {
        Assert.True(FilterValue.FromString(null).IsNull);
        Assert.Equal("null", ((FilterValue)(string?)null).Json);
        Assert.Equal("null", default(FilterValue).Json);
        Assert.Equal(FilterValue.Null, default);
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(3L, "3")]
    [InlineData(-42L, "-42")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void FromInt64_WritesInvariantDigits(long value, string expected)
    {
        Assert.Equal(expected, FilterValue.FromInt64(value).Json);
        Assert.Equal(expected, ((FilterValue)value).Json);
    }

    [Fact]
    public void ImplicitInt_WritesDigits()
    {
        FilterValue value = 3;

        Assert.Equal("3", value.Json);
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("1.50", "1.50")]
    [InlineData("-0.0001", "-0.0001")]
    [InlineData("0.00000000000000000001", "0.00000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("100", "100")]
    public void FromDecimal_WritesFixedPointWithoutExponent(string input, string expected)
    {
        var value = decimal.Parse(input, CultureInfo.InvariantCulture);

        Assert.Equal(expected, FilterValue.FromDecimal(value).Json);
        Assert.Equal(expected, ((FilterValue)value).Json);
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.0, "-2")]
    [InlineData(1e21, "1E+21")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157E+308")]
    public void FromDouble_WritesShortestRoundTripJsonNumber(double value, string expected)
    {
        var json = FilterValue.FromDouble(value).Json;

        Assert.Equal(expected, json);
        Assert.Equal(value, Decode(json).GetDouble());
    }

    [Fact]
    public void FromDouble_IgnoresCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("1.25", FilterValue.FromDouble(1.25).Json);
            Assert.Equal("1.25", FilterValue.FromDecimal(1.25m).Json);
            Assert.Equal("-7", FilterValue.FromInt64(-7).Json);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FromDouble_NotFinite_ThrowsArgumentException(double value)
    {
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => FilterValue.FromDouble(value)).ParamName);
        Assert.Throws<ArgumentException>(() => Filter.Equal("Quantity", value));
    }

    [Fact]
    public void FromBoolean_WritesJsonLiterals()
    {
        Assert.Equal("true", FilterValue.FromBoolean(true).Json);
        Assert.Equal("false", ((FilterValue)false).Json);
    }

    [Fact]
    public void FromDateTimeOffset_WritesUtcIso8601()
    {
        var local = new DateTimeOffset(2022, 10, 18, 16, 32, 17, 23, TimeSpan.FromHours(2));

        Assert.Equal("\"2022-10-18T14:32:17.023Z\"", FilterValue.FromDateTimeOffset(local).Json);
        Assert.Equal("\"2022-10-18T14:32:17Z\"", ((FilterValue)new DateTimeOffset(2022, 10, 18, 14, 32, 17, TimeSpan.Zero)).Json);
        Assert.Equal("\"2022-10-18T14:32:17.1234567Z\"", ((FilterValue)new DateTimeOffset(2022, 10, 18, 14, 32, 17, TimeSpan.Zero).AddTicks(1234567)).Json);
    }

    [Fact]
    public void FromDateTime_UtcAndUnspecified_AreWrittenAsUtc()
    {
        var utc = new DateTime(2022, 10, 18, 14, 32, 17, 23, DateTimeKind.Utc);

        Assert.Equal("\"2022-10-18T14:32:17.023Z\"", FilterValue.FromDateTime(utc).Json);
        Assert.Equal("\"2022-10-18T14:32:17.023Z\"", ((FilterValue)DateTime.SpecifyKind(utc, DateTimeKind.Unspecified)).Json);
    }

    [Fact]
    public void FromDateTime_Local_IsConvertedToUtc()
    {
        var local = new DateTime(2022, 10, 18, 14, 32, 17, 23, DateTimeKind.Local);

        Assert.Equal(FilterValue.FromDateTimeOffset(new DateTimeOffset(local.ToUniversalTime())), FilterValue.FromDateTime(local));
    }

    [Fact]
    public void FromGuid_WritesLowerCaseDFormatString()
    {
        var id = Guid.Parse("B7DA56C7-F498-40F7-9104-80BA51CD62BA");

        Assert.Equal("\"b7da56c7-f498-40f7-9104-80ba51cd62ba\"", FilterValue.FromGuid(id).Json);
        Assert.Equal("\"b7da56c7-f498-40f7-9104-80ba51cd62ba\"", ((FilterValue)id).Json);
    }

    [Fact]
    public void Equality_IsByJsonText()
    {
        Assert.Equal(FilterValue.FromInt64(3), (FilterValue)3);
        Assert.True(FilterValue.FromString("a") == "a");
        Assert.True(FilterValue.FromString("3") != 3);
        Assert.Equal(FilterValue.FromInt64(3).GetHashCode(), ((FilterValue)3L).GetHashCode());
        Assert.Equal("\"a\"", FilterValue.FromString("a").ToString());
        Assert.False(FilterValue.FromString("a").Equals((object)"a"));
    }

    private static JsonElement Decode(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
