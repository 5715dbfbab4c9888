using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Twins;

public sealed class TwinUrnTests
{
    [Fact]
    public void Parse_DocUrn_ExposesIdAndDefaultModel()
    {
        var urn = TwinUrn.Parse("urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw");

        Assert.Equal("d5eZt_XtRzqUHT93-vNZxw", urn.Id);
        Assert.Equal("urn:adsk.dtm:d5eZt_XtRzqUHT93-vNZxw", urn.DefaultModel.Value);
        Assert.Equal("urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw", urn.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("urn:adsk.dtt:")]
    [InlineData("urn:adsk.dtm:d5eZt_XtRzqUHT93-vNZxw")]
    [InlineData("URN:ADSK.DTT:abc")]
    [InlineData("urn:adsk.dtt:abc/../groups")]
    [InlineData("urn:adsk.dtt:abc?x=1")]
    [InlineData("urn:adsk.dtt:a b")]
    public void Parse_Invalid_ThrowsArgumentException(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => TwinUrn.Parse(value));

        Assert.Equal("value", ex.ParamName);
        Assert.False(TwinUrn.TryParse(value, out _));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => TwinUrn.Parse(null!));
        Assert.False(TwinUrn.TryParse(null, out _));
    }

    [Fact]
    public void ToPathSegment_KeepsColonsAsTheDocWritesThem()
    {
        Assert.Equal("urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw", TwinUrn.Parse("urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw").ToPathSegment());
        Assert.Equal("urn:adsk.dtm:abc", ModelUrn.Parse("urn:adsk.dtm:abc").ToPathSegment());
    }

    [Fact]
    public void ModelUrn_RejectsTwinUrn()
    {
        Assert.Throws<ArgumentException>(() => ModelUrn.Parse("urn:adsk.dtt:abc"));
        Assert.True(ModelUrn.TryParse("urn:adsk.dtm:abc", out var model));
        Assert.Equal("urn:adsk.dtm:abc", model.Value);
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(TwinUrn.Parse("urn:adsk.dtt:abc"), TwinUrn.Parse("urn:adsk.dtt:abc"));
        Assert.NotEqual(TwinUrn.Parse("urn:adsk.dtt:abc"), TwinUrn.Parse("urn:adsk.dtt:abd"));
    }
}
