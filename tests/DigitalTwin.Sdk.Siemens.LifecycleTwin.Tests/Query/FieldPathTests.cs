
namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

public class FieldPathTests
{
    [Fact]
    public void Of_PlainField_IsTheName()
    {
        Assert.Equal("Name", FieldPath.Of("Name").Value);
    }

    [Fact]
    public void Referenced_JoinsWithDot()
    {
        Assert.Equal("Systems.Id", FieldPath.Referenced("Systems", "Id").Value);
    }

    [Fact]
    public void Collection_WritesEmptyBrackets()
    {
        Assert.Equal("ModelObjects[].ObjectId", FieldPath.Collection("ModelObjects", "ObjectId").Value);
    }

    [Fact]
    public void CustomField_WritesLowerCaseGuidAndValue()
    {
        var id = Guid.Parse("4BE891A7-58C8-4F14-8B5B-E878FE3016F3");

        Assert.Equal("CustomFields[4be891a7-58c8-4f14-8b5b-e878fe3016f3].Value", FieldPath.CustomField(id).Value);
        Assert.Equal("CustomFields[4be891a7-58c8-4f14-8b5b-e878fe3016f3].Name", FieldPath.CustomField(id, "Name").Value);
    }

    [Fact]
    public void Then_AppendsASegment()
    {
        Assert.Equal("Location.Parent.Name", FieldPath.Of("Location").Then("Parent").Then("Name").Value);
        Assert.Equal("ModelObjects[].Model.Id", FieldPath.Collection("ModelObjects", "Model").Then("Id").Value);
    }

    [Fact]
    public void Id_IsThePlainIdField()
    {
        Assert.Equal(FieldPath.Of("Id"), FieldPath.Id);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("Systems.Id")]
    [InlineData("Location.Parent.Name")]
    [InlineData("ModelObjects[].ObjectId")]
    [InlineData("CustomFields[4be891a7-58c8-4f14-8b5b-e878fe3016f3].Value")]
    [InlineData("A[].B[].C")]
    [InlineData("_x._y")]
    public void Parse_ValidPath_RoundTrips(string text)
    {
        Assert.Equal(text, FieldPath.Parse(text).Value);
        Assert.True(FieldPath.TryParse(text, out var parsed));
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("Name.")]
    [InlineData(".Name")]
    [InlineData("Sys..Id")]
    [InlineData("ModelObjects[]")]
    [InlineData("ModelObjects[].")]
    [InlineData("ModelObjects[x].ObjectId")]
    [InlineData("ModelObjects[.ObjectId")]
    [InlineData("ModelObjects]].ObjectId")]
    [InlineData("Model[]Objects.ObjectId")]
    [InlineData("CustomFields[4be891a7-58c8-4f14-8b5b-e878fe3016f].Value")]
    [InlineData("CustomFields[{4be891a7-58c8-4f14-8b5b-e878fe3016f3}].Value")]
    [InlineData("Name\"")]
    [InlineData("Na me")]
    [InlineData("1Name")]
    [InlineData("Name\n")]
    public void Parse_InvalidPath_ThrowsArgumentExceptionNamingPath(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => FieldPath.Parse(text));

        Assert.Equal("path", ex.ParamName);
        Assert.False(FieldPath.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void Parse_InvalidPath_MessageShowsControlCharactersEscaped()
    {
        var ex = Assert.Throws<ArgumentException>(() => FieldPath.Parse("Na\nme"));

        Assert.Contains("Na\\u000Ame", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_InvalidSegments_ThrowNamingTheParameter()
    {
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => FieldPath.Of("a.b")).ParamName);
        Assert.Equal("field", Assert.Throws<ArgumentNullException>(() => FieldPath.Of(null!)).ParamName);
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => FieldPath.Referenced("", "Id")).ParamName);
        Assert.Equal("property", Assert.Throws<ArgumentException>(() => FieldPath.Referenced("Systems", "I d")).ParamName);
        Assert.Equal("collection", Assert.Throws<ArgumentException>(() => FieldPath.Collection("Model[]", "Id")).ParamName);
        Assert.Equal("property", Assert.Throws<ArgumentException>(() => FieldPath.Collection("ModelObjects", "")).ParamName);
        Assert.Equal("property", Assert.Throws<ArgumentException>(() => FieldPath.CustomField(Guid.Empty, "Va.lue")).ParamName);
        Assert.Equal("property", Assert.Throws<ArgumentException>(() => FieldPath.Of("Location").Then("-")).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => FieldPath.Parse(null!)).ParamName);
        Assert.False(FieldPath.TryParse(null, out _));
    }

    [Fact]
    public void Equality_IsOrdinalOnText()
    {
        Assert.Equal(FieldPath.Parse("Systems.Id"), FieldPath.Referenced("Systems", "Id"));
        Assert.Equal(FieldPath.Parse("Systems.Id").GetHashCode(), FieldPath.Referenced("Systems", "Id").GetHashCode());
        Assert.NotEqual(FieldPath.Of("Name"), FieldPath.Of("name"));
        Assert.False(FieldPath.Of("Name").Equals(null));
    }
}
