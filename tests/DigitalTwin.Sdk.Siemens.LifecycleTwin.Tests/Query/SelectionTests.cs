
namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

public class SelectionTests
{
    [Fact]
    public void Of_PlainFields_JoinsQuotedNamesWithCommaSpace()
    {
        Assert.Equal("{\"Id\", \"Name\"}", Selection.Of("Id", "Name").ToHeaderValue());
    }

    [Fact]
    public void Of_SingleField_HasNoSeparator()
    {
        Assert.Equal("{\"Id\"}", Selection.Of("Id").ToHeaderValue());
    }

    [Fact]
    public void With_NestedFieldNames_WritesColonSpaceAndBraces()
    {
        var selection = Selection.Of("Id", "Name").With("CustomFields", "Id", "Value");

        Assert.Equal("{\"Id\", \"Name\", \"CustomFields\": {\"Id\", \"Value\"}}", selection.ToHeaderValue());
    }

    [Fact]
    public void With_Callback_ReceivesEmptySelection()
    {
        Selection? received = null;
        var selection = Selection.Of("Id").With("Location", s =>
        {
            received = s;
            return s.Add("Id", "Name");
        });

        Assert.Same(Selection.Empty, received);
        Assert.Equal("{\"Id\", \"Location\": {\"Id\", \"Name\"}}", selection.ToHeaderValue());
    }

    [Fact]
    public void With_DeeplyNested_WritesEveryLevel()
    {
        var selection = Selection.Of("Id")
            .With("Location", l => l.Add("Name").With("Parent", p => p.Add("Id").With("Parent", "Name")));

        Assert.Equal(
            "{\"Id\", \"Location\": {\"Name\", \"Parent\": {\"Id\", \"Parent\": {\"Name\"}}}}",
            selection.ToHeaderValue());
    }

    [Fact]
    public void With_SelectionInstance_IsSameAsFieldList()
    {
        Assert.Equal(
            Selection.Of("Id").With("Systems", "Id", "Name"),
            Selection.Of("Id").With("Systems", Selection.Of("Id", "Name")));
    }

    [Fact]
    public void Add_DuplicateField_IsIgnored()
    {
        var selection = Selection.Of("Id", "Name").Add("Id", "Name", "Description");

        Assert.Equal("{\"Id\", \"Name\", \"Description\"}", selection.ToHeaderValue());
    }

    [Fact]
    public void Add_AllFieldsAlreadyPresent_ReturnsSameInstance()
    {
        var selection = Selection.Of("Id", "Name");

        Assert.Same(selection, selection.Add("Name"));
    }

    [Fact]
    public void Add_FieldThatIsNested_KeepsTheNesting()
    {
        var selection = Selection.Of("Id").With("Location", "Id").Add("Location");

        Assert.Equal("{\"Id\", \"Location\": {\"Id\"}}", selection.ToHeaderValue());
    }

    [Fact]
    public void With_FieldAlreadyPlain_TurnsItIntoNestedInPlace()
    {
        var selection = Selection.Of("Location", "Id").With("Location", "Name");

        Assert.Equal("{\"Location\": {\"Name\"}, \"Id\"}", selection.ToHeaderValue());
    }

    [Fact]
    public void With_FieldAlreadyNested_MergesTheNestedSelections()
    {
        var selection = Selection.Of("Id")
            .With("Location", l => l.Add("Id").With("Parent", "Id"))
            .With("Location", l => l.Add("Name", "Id").With("Parent", "Name"));

        Assert.Equal("{\"Id\", \"Location\": {\"Id\", \"Parent\": {\"Id\", \"Name\"}, \"Name\"}}", selection.ToHeaderValue());
    }

    [Fact]
    public void Methods_DoNotMutateTheOriginal()
    {
        var original = Selection.Of("Id");

        _ = original.Add("Name");
        _ = original.With("Location", "Id");

        Assert.Equal("{\"Id\"}", original.ToHeaderValue());
    }

    [Fact]
    public void Empty_HasNoFields()
    {
        Assert.True(Selection.Empty.IsEmpty);
        Assert.Equal(0, Selection.Empty.Count);
        Assert.Equal("{}", Selection.Empty.ToHeaderValue());
        Assert.Same(Selection.Empty, Selection.Of());
    }

    [Fact]
    public void Inspection_ReportsFieldsAndNesting()
    {
        var selection = Selection.Of("Id", "Name").With("CustomFields", "Id", "Value");

        Assert.Equal(new[] { "Id", "Name", "CustomFields" }, selection.Fields);
        Assert.Equal(3, selection.Count);
        Assert.True(selection.Contains("CustomFields"));
        Assert.False(selection.Contains("customfields"));
        Assert.Null(selection.GetNested("Id"));
        Assert.Null(selection.GetNested("Missing"));
        Assert.Equal(Selection.Of("Id", "Value"), selection.GetNested("CustomFields"));
    }

    [Fact]
    public void Equality_IsByHeaderValue()
    {
        var a = Selection.Of("Id", "Name");
        var b = Selection.Of("Id").Add("Name");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Selection.Of("Name", "Id"));
        Assert.Equal(a.ToHeaderValue(), a.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Name")]
    [InlineData("Na me")]
    [InlineData("Name\"")]
    [InlineData("Location.Name")]
    [InlineData("Items[]")]
    [InlineData("Név")]
    [InlineData("Name-2")]
    public void Of_InvalidFieldName_ThrowsArgumentExceptionNamingFields(string field)
    {
        var ex = Assert.Throws<ArgumentException>(() => Selection.Of("Id", field));

        Assert.Equal("fields", ex.ParamName);
    }

    [Theory]
    [InlineData("_")]
    [InlineData("_private")]
    [InlineData("Field2OfField3")]
    [InlineData("a")]
    public void Of_ValidFieldName_IsAccepted(string field)
    {
        Assert.Equal("{\"" + field + "\"}", Selection.Of(field).ToHeaderValue());
    }

    [Fact]
    public void Of_NullArrayOrItem_ThrowsArgumentNullException()
    {
        Assert.Equal("fields", Assert.Throws<ArgumentNullException>(() => Selection.Of(null!)).ParamName);
        Assert.Equal("fields", Assert.Throws<ArgumentNullException>(() => Selection.Of("Id", null!)).ParamName);
    }

    [Fact]
    public void Of_InvalidNameAfterValidOnes_AddsNothing()
    {
        var selection = Selection.Of("Id");

        Assert.Throws<ArgumentException>(() => selection.Add("Name", "bad name"));
        Assert.Equal("{\"Id\"}", selection.ToHeaderValue());
    }

    [Fact]
    public void With_EmptyNested_ThrowsArgumentException()
    {
        Assert.Equal("nested", Assert.Throws<ArgumentException>(() => Selection.Of("Id").With("Location", Selection.Empty)).ParamName);
        Assert.Equal("nestedFields", Assert.Throws<ArgumentException>(() => Selection.Of("Id").With("Location", Array.Empty<string>())).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentException>(() => Selection.Of("Id").With("Location", s => s)).ParamName);
    }

    [Fact]
    public void With_InvalidOrNullArguments_ThrowNamingTheParameter()
    {
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => Selection.Of("Id").With("Bad.Field", "Id")).ParamName);
        Assert.Equal("field", Assert.Throws<ArgumentNullException>(() => Selection.Of("Id").With(null!, "Id")).ParamName);
        Assert.Equal("nested", Assert.Throws<ArgumentNullException>(() => Selection.Of("Id").With("Location", (Selection)null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => Selection.Of("Id").With("Location", (Func<Selection, Selection>)null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => Selection.Of("Id").With("Location", _ => null!)).ParamName);
        Assert.Equal("nestedFields", Assert.Throws<ArgumentException>(() => Selection.Of("Id").With("Location", "Id", "9")).ParamName);
    }
}
