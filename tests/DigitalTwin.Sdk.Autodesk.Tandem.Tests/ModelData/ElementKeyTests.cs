using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.ModelData;

public sealed class ElementKeyTests
{
    private const string ShortText = "H_pwafaOSk2EClLjcqgo1ABb2Dg";
    private const string LogicalText = "AQAAAB_6cGn2jkpNhApS43KoKNQAW9g4";
    private const string PhysicalText = "AAAAAB_6cGn2jkpNhApS43KoKNQAW9g4";

    [Fact]
    public void Parse_ShortKey_RoundTripsAsBase64UrlWithoutPadding()
    {
        var key = ElementKey.Parse(ShortText);

        Assert.False(key.IsFull);
        Assert.Null(key.Kind);
        Assert.Equal(ElementKey.ShortLength, key.ToArray().Length);
        Assert.Equal(ShortText, key.ToString());
    }

    [Fact]
    public void ToFull_Logical_PrefixesBigEndianFlags()
    {
        var full = ElementKey.Parse(ShortText).ToFull(ElementKeyKind.Logical);

        Assert.True(full.IsFull);
        Assert.Equal(ElementKeyKind.Logical, full.Kind);
        Assert.Equal(LogicalText, full.ToString());
        Assert.Equal(new byte[] { 0x01, 0x00, 0x00, 0x00 }, full.ToArray()[..4]);
    }

    [Theory]
    [InlineData(ElementFlags.Stream, LogicalText)]
    [InlineData(ElementFlags.Level, LogicalText)]
    [InlineData(ElementFlags.Room, PhysicalText)]
    [InlineData(ElementFlags.SimpleElement, PhysicalText)]
    public void ToFull_ElementFlags_PicksKindFromLogicalMask(ElementFlags flags, string expected)
    {
        Assert.Equal(expected, ElementKey.Parse(ShortText).ToFull(flags).ToString());
    }

    [Fact]
    public void ToShort_FullKey_DropsPrefix()
    {
        var full = ElementKey.Parse(LogicalText);

        Assert.Equal(ElementKey.Parse(ShortText), full.ToShort());
        Assert.Equal(ElementKey.Parse(ShortText), ElementKey.Parse(ShortText).ToShort());
    }

    [Fact]
    public void ToFull_FullKey_ReplacesPrefix()
    {
        Assert.Equal(PhysicalText, ElementKey.Parse(LogicalText).ToFull(ElementKeyKind.Physical).ToString());
    }

    [Fact]
    public void Equals_ShortAndFullOfSameElement_AreDifferentKeys()
    {
        var shortKey = ElementKey.Parse(ShortText);
        var full = shortKey.ToFull(ElementKeyKind.Logical);

        Assert.NotEqual(shortKey, full);
        Assert.True(shortKey == ElementKey.Parse(ShortText));
        Assert.True(shortKey != full);
        Assert.Equal(shortKey.GetHashCode(), ElementKey.Parse(ShortText).GetHashCode());
        Assert.Equal(default, default(ElementKey));
    }

    [Theory]
    [InlineData("H/pwafaOSk2EClLjcqgo1ABb2Dg=")]
    [InlineData("H_pwafaOSk2EClLjcqgo1ABb2Dg")]
    public void Parse_StandardBase64OrPadding_Accepted(string text)
    {
        Assert.Equal(ShortText, ElementKey.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAA")]
    [InlineData("H_pwafaOSk2EClLjcqgo1ABb2D")]
    [InlineData("H_pwafaOSk2EClLjcqgo1ABb2Dg!")]
    [InlineData("H_pwafaOSk2EClLjcqgo1ABb2D!")]
    [InlineData("AQAAAB_6cGn2jkpNhApS43KoKNQAW9g4AAAA")]
    public void TryParse_NotA20Or24ByteKey_False(string text)
    {
        Assert.False(ElementKey.TryParse(text, out var key));
        Assert.True(key.IsEmpty);
        Assert.Throws<FormatException>(() => ElementKey.Parse(text));
    }

    [Fact]
    public void FromBytes_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => ElementKey.FromBytes(new byte[21]));
        Assert.Equal(ElementKey.Root, ElementKey.FromBytes(new byte[20]));
        Assert.Equal("AAAAAAAAAAAAAAAAAAAAAAAAAAA", ElementKey.Root.ToString());
    }

    [Fact]
    public void Default_Conversions_Throw()
    {
        var key = default(ElementKey);

        Assert.True(key.IsEmpty);
        Assert.Equal(string.Empty, key.ToString());
        Assert.Throws<InvalidOperationException>(() => key.ToFull(ElementKeyKind.Logical));
        Assert.Throws<InvalidOperationException>(() => key.ToShort());
    }

    [Fact]
    public void Json_ReadsAndWritesString()
    {
        var key = JsonSerializer.Deserialize<ElementKey>("\"" + LogicalText + "\"");

        Assert.Equal(LogicalText, key.ToString());
        Assert.Equal("\"" + LogicalText + "\"", JsonSerializer.Serialize(key));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ElementKey>("42"));
    }

    [Theory]
    [InlineData(ElementFlags.Stream, true)]
    [InlineData(ElementFlags.Level, true)]
    [InlineData(ElementFlags.Room, false)]
    [InlineData(ElementFlags.SimpleElement, false)]
    public void IsLogical_UsesAllLogicalMask(ElementFlags flags, bool logical)
    {
        Assert.Equal(logical, flags.IsLogical());
        Assert.Equal(logical ? ElementKeyKind.Logical : ElementKeyKind.Physical, flags.ToKeyKind());
    }

    [Fact]
    public void ElementFlags_ValuesMatchTutorialConstants()
    {
        Assert.Equal(0x01000003u, (uint)ElementFlags.Stream);
        Assert.Equal(0x01000001u, (uint)ElementFlags.Level);
        Assert.Equal(0x00000005u, (uint)ElementFlags.Room);
        Assert.Equal(0x01000000u, (uint)ElementKeyKind.Logical);
        Assert.Equal(0x00000000u, (uint)ElementKeyKind.Physical);
    }
}
