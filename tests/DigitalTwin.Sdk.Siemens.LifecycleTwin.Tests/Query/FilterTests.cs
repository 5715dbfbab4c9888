using System.Text.Json;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

public class FilterTests
{
    private static readonly Guid SystemId = Guid.Parse("b7da56c7-f498-40f7-9104-80ba51cd62ba");

    public static TheoryData<Filter, string> EveryClause => new()
    {
        { Filter.Contains("Name", "Pump"), "{\"contains\":{\"Name\":\"Pump\"}}" },
        { Filter.Contains(FieldPath.Of("Name"), "Pump"), "{\"contains\":{\"Name\":\"Pump\"}}" },
        { Filter.StartsWith("Name", "Pu"), "{\"starts_with\":{\"Name\":\"Pu\"}}" },
        { Filter.StartsWith(FieldPath.Of("Name"), "Pu"), "{\"starts_with\":{\"Name\":\"Pu\"}}" },
        { Filter.EndsWith("Name", "mp"), "{\"ends_with\":{\"Name\":\"mp\"}}" },
        { Filter.EndsWith(FieldPath.Of("Name"), "mp"), "{\"ends_with\":{\"Name\":\"mp\"}}" },
        { Filter.Equal("Name", "Pump"), "{\"equals\":{\"Name\":\"Pump\"}}" },
        { Filter.Equal(FieldPath.Of("Quantity"), 3), "{\"equals\":{\"Quantity\":3}}" },
        { Filter.GreaterThan("Quantity", 3), "{\"greater_than\":{\"Quantity\":3}}" },
        { Filter.GreaterThan(FieldPath.Of("Quantity"), 2.5), "{\"greater_than\":{\"Quantity\":2.5}}" },
        { Filter.GreaterThanOrEquals("Quantity", 3), "{\"greater_than_or_equals\":{\"Quantity\":3}}" },
        { Filter.GreaterThanOrEquals(FieldPath.Of("Quantity"), 3m), "{\"greater_than_or_equals\":{\"Quantity\":3}}" },
        { Filter.LessThan("Quantity", -1), "{\"less_than\":{\"Quantity\":-1}}" },
        { Filter.LessThan(FieldPath.Of("Quantity"), 10L), "{\"less_than\":{\"Quantity\":10}}" },
        { Filter.LessThanOrEquals("Quantity", 0.25m), "{\"less_than_or_equals\":{\"Quantity\":0.25}}" },
        { Filter.LessThanOrEquals(FieldPath.Of("Quantity"), 7), "{\"less_than_or_equals\":{\"Quantity\":7}}" },
        { Filter.IsEmpty("Description"), "{\"is_empty\":{\"Description\":true}}" },
        { Filter.IsEmpty(FieldPath.Of("Description"), isEmpty: false), "{\"is_empty\":{\"Description\":false}}" },
        { Filter.In("Name", "A", "B"), "{\"in\":{\"Name\":[\"A\",\"B\"]}}" },
        { Filter.In(FieldPath.Of("Quantity"), 1, 2.5, 3m), "{\"in\":{\"Quantity\":[1,2.5,3]}}" },
        { Filter.In("Name", new List<FilterValue> { "A", FilterValue.Null }), "{\"in\":{\"Name\":[\"A\",null]}}" },
        { Filter.Any("ModelObjects", Filter.Equal("ObjectId", "x")), "{\"any\":{\"ModelObjects\":{\"equals\":{\"ObjectId\":\"x\"}}}}" },
        { Filter.Any(FieldPath.Of("Systems"), Filter.Contains("Name", "HVAC")), "{\"any\":{\"Systems\":{\"contains\":{\"Name\":\"HVAC\"}}}}" },
    };

    [Theory]
    [MemberData(nameof(EveryClause))]
    public void Factory_ProducesDocumentedClauseSyntax(Filter filter, string expected)
    {
        Assert.Equal(expected, filter.ToHeaderValue());
        Assert.Equal(expected, filter.ToString());
        using var parsed = JsonDocument.Parse(filter.ToHeaderValue());
        Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);
    }

    [Fact]
    public void Equal_TypedValues_WriteJsonOfEachType()
    {
        var when = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

        Assert.Equal("{\"equals\":{\"Systems.Id\":\"b7da56c7-f498-40f7-9104-80ba51cd62ba\"}}", Filter.Equal("Systems.Id", SystemId).ToHeaderValue());
        Assert.Equal("{\"equals\":{\"IsEnabled\":true}}", Filter.Equal("IsEnabled", true).ToHeaderValue());
        Assert.Equal("{\"equals\":{\"CreatedOn\":\"2024-01-02T03:04:05Z\"}}", Filter.Equal("CreatedOn", when).ToHeaderValue());
        Assert.Equal("{\"equals\":{\"Description\":null}}", Filter.Equal("Description", FilterValue.Null).ToHeaderValue());
        Assert.Equal("{\"equals\":{\"Description\":null}}", Filter.Equal("Description", (string?)null).ToHeaderValue());
        Assert.Equal("{\"equals\":{\"Description\":null}}", Filter.Equal("Description", null).ToHeaderValue());
        Assert.Equal("{\"greater_than\":{\"InstallationDate\":\"2024-01-02T03:04:05Z\"}}", Filter.GreaterThan("InstallationDate", when).ToHeaderValue());
    }

    [Fact]
    public void Paths_AllDocumentedShapes_AreWrittenVerbatim()
    {
        var customField = Guid.Parse("4be891a7-58c8-4f14-8b5b-e878fe3016f3");

        Assert.Equal("{\"equals\":{\"Systems.Id\":\"b\"}}", Filter.Equal(FieldPath.Referenced("Systems", "Id"), "b").ToHeaderValue());
        Assert.Equal("{\"equals\":{\"Location.Name\":\"Zug\"}}", Filter.Equal("Location.Name", "Zug").ToHeaderValue());
        Assert.Equal("{\"equals\":{\"ModelObjects[].ObjectId\":\"o\"}}", Filter.Equal(FieldPath.Collection("ModelObjects", "ObjectId"), "o").ToHeaderValue());
        Assert.Equal(
            "{\"equals\":{\"CustomFields[4be891a7-58c8-4f14-8b5b-e878fe3016f3].Value\":3}}",
            Filter.Equal(FieldPath.CustomField(customField), 3).ToHeaderValue());
    }

    [Fact]
    public void StringValues_AreEscaped()
    {
        var filter = Filter.Contains("Name", "\"Q\\\n\u0001 caf\u00e9 \U0001F600");

        Assert.Equal("{\"contains\":{\"Name\":\"\\\"Q\\\\\\u000A\\u0001 caf\\u00E9 \\uD83D\\uDE00\"}}", filter.ToHeaderValue());
        using var parsed = JsonDocument.Parse(filter.ToHeaderValue());
        Assert.Equal("\"Q\\\n\u0001 caf\u00e9 \U0001F600", parsed.RootElement.GetProperty("contains").GetProperty("Name").GetString());
    }

    [Fact]
    public void And_DifferentClauses_SitSideBySideInOrder()
    {
        var filter = Filter.Contains("Name", "Pump").And(Filter.Equal("Systems.Id", SystemId));

        Assert.Equal("{\"contains\":{\"Name\":\"Pump\"},\"equals\":{\"Systems.Id\":\"b7da56c7-f498-40f7-9104-80ba51cd62ba\"}}", filter.ToHeaderValue());
        Assert.Equal(2, filter.ConditionCount);
    }

    [Fact]
    public void And_SameClauseDifferentPaths_ShareOneObject()
    {
        var filter = Filter.Equal("A", 1)
            .And(Filter.Contains("B", "x"))
            .And(Filter.Equal("C", 2))
            .And(Filter.Contains("D", "y"));

        Assert.Equal("{\"equals\":{\"A\":1,\"C\":2},\"contains\":{\"B\":\"x\",\"D\":\"y\"}}", filter.ToHeaderValue());
        Assert.Equal(4, filter.ConditionCount);
    }

    [Fact]
    public void And_RangeOnOnePath_UsesTwoClauses()
    {
        var filter = Filter.GreaterThanOrEquals("Quantity", 1).And(Filter.LessThan("Quantity", 10));

        Assert.Equal("{\"greater_than_or_equals\":{\"Quantity\":1},\"less_than\":{\"Quantity\":10}}", filter.ToHeaderValue());
    }

    [Fact]
    public void And_SameClauseAndPath_ThrowsArgumentException()
    {
        var filter = Filter.Equal("Name", "A").And(Filter.Contains("Description", "d"));

        var ex = Assert.Throws<ArgumentException>(() => filter.And(Filter.Equal("Name", "B")));

        Assert.Equal("other", ex.ParamName);
        Assert.Contains("'equals'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Name'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void And_PathsDifferingOnlyInCase_AreDistinctJsonKeys()
    {
        var filter = Filter.Equal("Name", "A").And(Filter.Equal("name", "B"));

        Assert.Equal("{\"equals\":{\"Name\":\"A\",\"name\":\"B\"}}", filter.ToHeaderValue());
    }

    [Fact]
    public void And_DoesNotMutateOperands()
    {
        var left = Filter.Equal("A", 1);
        var right = Filter.Equal("B", 2);

        _ = left.And(right);

        Assert.Equal("{\"equals\":{\"A\":1}}", left.ToHeaderValue());
        Assert.Equal("{\"equals\":{\"B\":2}}", right.ToHeaderValue());
    }

    [Fact]
    public void AllOf_CombinesInOrder()
    {
        var filter = Filter.AllOf(Filter.Contains("Name", "Pump"), Filter.IsEmpty("Description", false), Filter.Equal("Quantity", 2));

        Assert.Equal("{\"contains\":{\"Name\":\"Pump\"},\"is_empty\":{\"Description\":false},\"equals\":{\"Quantity\":2}}", filter.ToHeaderValue());
        Assert.Equal(Filter.Contains("Name", "x"), Filter.AllOf(Filter.Contains("Name", "x")));
    }

    [Fact]
    public void AllOf_InvalidArguments_Throw()
    {
        Assert.Equal("filters", Assert.Throws<ArgumentNullException>(() => Filter.AllOf(null!)).ParamName);
        Assert.Equal("filters", Assert.Throws<ArgumentException>(() => Filter.AllOf()).ParamName);
        Assert.Equal("filters", Assert.Throws<ArgumentNullException>(() => Filter.AllOf(Filter.Equal("A", 1), null!)).ParamName);
        Assert.Equal("filters", Assert.Throws<ArgumentNullException>(() => Filter.AllOf(null!, Filter.Equal("A", 1))).ParamName);
        Assert.Equal("filters", Assert.Throws<ArgumentException>(() => Filter.AllOf(Filter.Equal("A", 1), Filter.Equal("A", 2))).ParamName);
    }

    [Fact]
    public void Any_NestedCombinedFilter_IsEmbeddedAsObject()
    {
        var element = Filter.Equal("Id", SystemId).And(Filter.StartsWith("Name", "H"));
        var filter = Filter.Any("Systems", element).And(Filter.Contains("Name", "Pump"));

        Assert.Equal(
            "{\"any\":{\"Systems\":{\"equals\":{\"Id\":\"b7da56c7-f498-40f7-9104-80ba51cd62ba\"},\"starts_with\":{\"Name\":\"H\"}}},\"contains\":{\"Name\":\"Pump\"}}",
            filter.ToHeaderValue());
        using var parsed = JsonDocument.Parse(filter.ToHeaderValue());
        Assert.Equal("H", parsed.RootElement.GetProperty("any").GetProperty("Systems").GetProperty("starts_with").GetProperty("Name").GetString());
    }

    [Fact]
    public void Any_TwiceOnSameCollection_ThrowsArgumentException()
    {
        var filter = Filter.Any("Systems", Filter.Equal("Id", 1));

        Assert.Throws<ArgumentException>(() => filter.And(Filter.Any("Systems", Filter.Equal("Name", "x"))));
    }

    [Fact]
    public void Factories_NullOrInvalidArguments_ThrowNamingTheParameter()
    {
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Filter.Contains((FieldPath)null!, "x")).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Filter.Equal((string)null!, 1)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => Filter.Equal("Na me", 1)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => Filter.GreaterThan("ModelObjects[]", 1)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => Filter.Contains("Name", null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => Filter.StartsWith("Name", null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => Filter.EndsWith("Name", null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => Filter.EndsWith("Name", "\uD800")).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => Filter.In("Name", (FilterValue[])null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => Filter.In("Name", (IEnumerable<FilterValue>)null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Filter.In("Name")).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Filter.In(FieldPath.Of("Name"), new List<FilterValue>())).ParamName);
        Assert.Equal("collection", Assert.Throws<ArgumentNullException>(() => Filter.Any((string)null!, Filter.Equal("A", 1))).ParamName);
        Assert.Equal("collection", Assert.Throws<ArgumentException>(() => Filter.Any("Systems[]", Filter.Equal("A", 1))).ParamName);
        Assert.Equal("elementFilter", Assert.Throws<ArgumentNullException>(() => Filter.Any("Systems", null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => Filter.Equal("A", 1).And(null!)).ParamName);
    }

    [Fact]
    public void Comparisons_NullValue_ThrowArgumentException()
    {
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => Filter.GreaterThan("Quantity", FilterValue.Null)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => Filter.GreaterThanOrEquals("Quantity", FilterValue.Null)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => Filter.LessThan("Quantity", FilterValue.Null)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => Filter.LessThanOrEquals("Quantity", (string?)null)).ParamName);
    }

    [Fact]
    public void Equality_IsByHeaderValue()
    {
        var a = Filter.Equal("A", 1).And(Filter.Equal("B", 2));
        var b = Filter.AllOf(Filter.Equal("A", 1), Filter.Equal("B", 2));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Filter.Equal("B", 2).And(Filter.Equal("A", 1)));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void HeaderValue_IsAlwaysAsciiValidJson()
    {
        var filter = Filter.AllOf(
            Filter.Contains("Name", "\u00e9\u00e8\U0001F680\t"),
            Filter.In("SerialNumber", "a\"b", "c\\d", "\u0000"),
            Filter.Any("ModelObjects", Filter.EndsWith("ObjectId", "\u2028")),
            Filter.Equal(FieldPath.CustomField(Guid.Empty), 1e-7));

        var header = filter.ToHeaderValue();

        Assert.All(header, c => Assert.InRange(c, ' ', '~'));
        using var parsed = JsonDocument.Parse(header);
        Assert.Equal("\u00e9\u00e8\U0001F680\t", parsed.RootElement.GetProperty("contains").GetProperty("Name").GetString());
        Assert.Equal("\u0000", parsed.RootElement.GetProperty("in").GetProperty("SerialNumber")[2].GetString());
        Assert.Equal(1e-7, parsed.RootElement.GetProperty("equals").GetProperty("CustomFields[00000000-0000-0000-0000-000000000000].Value").GetDouble());
    }
}
