
namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

public class LifecycleTwinQueryTests
{
    [Fact]
    public void Empty_SendsNoHeaders()
    {
        Assert.Empty(LifecycleTwinQuery.Empty.GetHeaders());
        Assert.Empty(new LifecycleTwinQuery().GetHeaders());
        Assert.Equal(string.Empty, LifecycleTwinQuery.Empty.ToString());
    }

    [Fact]
    public void GetHeaders_AllParts_InFixedOrderWithLowerCaseNames()
    {
        var query = LifecycleTwinQuery.Empty
            .WithPagination(Pagination.FirstPage(20))
            .WithSort(Sort.Ascending("Name"))
            .WithFilter(Filter.Contains("Name", "Building1"))
            .WithSelection(Selection.Of("Id", "Name"));

        Assert.Equal(
            new[]
            {
                H("select", "{\"Id\", \"Name\"}"),
                H("filter", "{\"contains\":{\"Name\":\"Building1\"}}"),
                H("sort", "{\"Name\": \"ascending\"}"),
                H("pagination", "{\"page\" : 0, \"size\" : 20}"),
            },
            query.GetHeaders());
    }

    [Fact]
    public void With_Methods_ReturnCopiesAndLeaveOriginalUnchanged()
    {
        var original = LifecycleTwinQuery.Empty.WithFields("Id");

        var changed = original.WithFilter(Filter.Equal("Name", "x")).WithSort(Sort.Ascending("Name")).WithPage(1, 10).WithRawHeader("x-extra", "1");

        Assert.NotSame(original, changed);
        Assert.Single(original.GetHeaders());
        Assert.Null(original.Filter);
        Assert.Null(original.Sort);
        Assert.Null(original.Pagination);
        Assert.Empty(original.RawHeaders);
        Assert.Equal(5, changed.GetHeaders().Count);
        Assert.Empty(LifecycleTwinQuery.Empty.GetHeaders());
    }

    [Fact]
    public void With_Null_RemovesTheHeader()
    {
        var query = LifecycleTwinQuery.Empty
            .WithFields("Id").WithFilter(Filter.Equal("A", 1)).WithSort(Sort.Ascending("A")).WithPage(0, 5)
            .WithSelection(null).WithFilter(null).WithSort(null).WithPagination(null);

        Assert.Empty(query.GetHeaders());
    }

    [Fact]
    public void Properties_ExposeTheParts()
    {
        var selection = Selection.Of("Id");
        var filter = Filter.Equal("Name", "x");
        var sort = Sort.Descending("Name");
        var query = LifecycleTwinQuery.Empty.WithSelection(selection).WithFilter(filter).WithSort(sort).WithPage(2, 30);

        Assert.Same(selection, query.Selection);
        Assert.Same(filter, query.Filter);
        Assert.Same(sort, query.Sort);
        Assert.Equal(new Pagination(2, 30), query.Pagination);
    }

    [Fact]
    public void Where_AndsWithTheExistingFilter()
    {
        var query = LifecycleTwinQuery.Empty.Where(Filter.Contains("Name", "Pump")).Where(Filter.Equal("Quantity", 2));

        Assert.Equal("{\"contains\":{\"Name\":\"Pump\"},\"equals\":{\"Quantity\":2}}", query.Filter!.ToHeaderValue());
        Assert.Throws<ArgumentException>(() => query.Where(Filter.Equal("Quantity", 3)));
        Assert.Equal("filter", Assert.Throws<ArgumentNullException>(() => query.Where(null!)).ParamName);
    }

    [Fact]
    public void WithSelection_EmptySelection_ThrowsArgumentException()
    {
        Assert.Equal("selection", Assert.Throws<ArgumentException>(() => LifecycleTwinQuery.Empty.WithSelection(Selection.Empty)).ParamName);
        Assert.Equal("fields", Assert.Throws<ArgumentException>(() => LifecycleTwinQuery.Empty.WithFields(Array.Empty<string>())).ParamName);
        Assert.Equal("fields", Assert.Throws<ArgumentNullException>(() => LifecycleTwinQuery.Empty.WithFields((string[])null!)).ParamName);
        Assert.Equal("fields", Assert.Throws<ArgumentException>(() => LifecycleTwinQuery.Empty.WithFields("Bad Name")).ParamName);
    }

    [Fact]
    public void WithPage_OutOfRange_ThrowsBeforeAnythingIsSent()
    {
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => LifecycleTwinQuery.Empty.WithPage(0, 1001)).ParamName);
        Assert.Equal("page", Assert.Throws<ArgumentOutOfRangeException>(() => LifecycleTwinQuery.Empty.WithPage(-1, 10)).ParamName);
    }

    [Fact]
    public void WithRawHeader_AddsAfterTypedHeaders()
    {
        var query = LifecycleTwinQuery.Empty.WithRawHeader("x-trace", "abc").WithFields("Id");

        Assert.Equal(new[] { H("select", "{\"Id\"}"), H("x-trace", "abc") }, query.GetHeaders());
        Assert.Equal(new[] { H("x-trace", "abc") }, query.RawHeaders);
    }

    [Fact]
    public void WithRawHeader_NamedLikeTypedHeader_ReplacesIt()
    {
        var query = LifecycleTwinQuery.Empty
            .WithFilter(Filter.Equal("Name", "x"))
            .WithFields("Id")
            .WithRawHeader("Filter", "{\"Equals\":{\"Name\":\"y\"}}");

        Assert.Equal(new[] { H("select", "{\"Id\"}"), H("Filter", "{\"Equals\":{\"Name\":\"y\"}}") }, query.GetHeaders());
    }

    [Fact]
    public void WithRawHeader_SameNameTwice_KeepsTheLastValue()
    {
        var query = LifecycleTwinQuery.Empty.WithRawHeader("x-a", "1").WithRawHeader("x-b", "2").WithRawHeader("X-A", "3");

        Assert.Equal(new[] { H("x-b", "2"), H("X-A", "3") }, query.GetHeaders());
    }

    [Theory]
    [InlineData("")]
    [InlineData("x a")]
    [InlineData("x:a")]
    [InlineData("x\r\na")]
    [InlineData("x\u00e9")]
    [InlineData("(x)")]
    public void WithRawHeader_InvalidName_ThrowsArgumentException(string name)
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => LifecycleTwinQuery.Empty.WithRawHeader(name, "v")).ParamName);
    }

    [Theory]
    [InlineData("authorization")]
    [InlineData("Authorization")]
    [InlineData("clientname")]
    [InlineData("ProjectId")]
    [InlineData("Host")]
    [InlineData("content-length")]
    [InlineData("Content-Type")]
    [InlineData("transfer-encoding")]
    [InlineData("connection")]
    public void WithRawHeader_ReservedName_ThrowsArgumentException(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => LifecycleTwinQuery.Empty.WithRawHeader(name, "v"));

        Assert.Equal("name", ex.ParamName);
        Assert.DoesNotContain("\"v\"", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\rb")]
    [InlineData("a\nb")]
    [InlineData("a\u0000b")]
    [InlineData("a\u007Fb")]
    [InlineData("caf\u00e9")]
    [InlineData("\U0001F600")]
    public void WithRawHeader_UnsafeValue_ThrowsWithoutEchoingIt(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => LifecycleTwinQuery.Empty.WithRawHeader("x-custom", value));

        Assert.Equal("value", ex.ParamName);
        Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("{\"Name\" :\t\"x\"}")]
    [InlineData("!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~")]
    public void WithRawHeader_SafeValue_IsKeptVerbatim(string value)
    {
        var query = LifecycleTwinQuery.Empty.WithRawHeader("x-custom", value);

        Assert.Equal(value, Assert.Single(query.GetHeaders()).Value);
    }

    [Fact]
    public void WithRawHeader_Null_ThrowsArgumentNullException()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => LifecycleTwinQuery.Empty.WithRawHeader(null!, "v")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => LifecycleTwinQuery.Empty.WithRawHeader("x", null!)).ParamName);
    }

    [Fact]
    public void EnsureStableSort_NoSort_SortsById()
    {
        var query = LifecycleTwinQuery.Empty.WithFields("Name").EnsureStableSort();

        Assert.Equal("{\"Id\": \"ascending\"}", query.Sort!.ToHeaderValue());
        Assert.Equal("{\"Name\"}", query.Selection!.ToHeaderValue());
    }

    [Fact]
    public void EnsureStableSort_SortWithoutId_AppendsIdAsTieBreaker()
    {
        var query = LifecycleTwinQuery.Empty.WithSort(Sort.Descending("Name").ThenByAscending("CreatedOn")).EnsureStableSort();

        Assert.Equal("{\"Name\": \"descending\", \"CreatedOn\": \"ascending\", \"Id\": \"ascending\"}", query.Sort!.ToHeaderValue());
    }

    [Theory]
    [InlineData("Id", SortDirection.Descending)]
    [InlineData("id", SortDirection.Ascending)]
    public void EnsureStableSort_SortIncludingId_ReturnsSameInstance(string idField, SortDirection direction)
    {
        var query = LifecycleTwinQuery.Empty.WithSort(Sort.By(idField, direction).ThenByAscending("Name"));

        Assert.Same(query, query.EnsureStableSort());
    }

    [Fact]
    public void EnsureStableSort_RawSortHeader_IsLeftToTheCaller()
    {
        var query = LifecycleTwinQuery.Empty.WithRawHeader("SORT", "{\"Name\": \"ascending\"}");

        Assert.Same(query, query.EnsureStableSort());
    }

    [Fact]
    public void EnsureStableSort_IsIdempotent()
    {
        var once = LifecycleTwinQuery.Empty.WithSort(Sort.Ascending("Name")).EnsureStableSort();

        Assert.Same(once, once.EnsureStableSort());
    }

    [Fact]
    public void Equality_IsByHeaders()
    {
        var a = LifecycleTwinQuery.Empty.WithFields("Id").WithPage(0, 10);
        var b = new LifecycleTwinQuery().WithPagination(new Pagination(0, 10)).WithSelection(Selection.Of("Id"));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b.WithPage(1, 10));
        Assert.NotEqual(a, b.WithRawHeader("x", "y"));
        Assert.False(a.Equals(null));
        Assert.Equal(LifecycleTwinQuery.Empty, new LifecycleTwinQuery());
    }

    [Fact]
    public void ToString_ListsHeaderLines()
    {
        var query = LifecycleTwinQuery.Empty.WithFields("Id").WithSort(Sort.Descending("Name"));

        Assert.Equal("select: {\"Id\"}" + Environment.NewLine + "sort: {\"Name\": \"descending\"}", query.ToString());
    }

    [Fact]
    public void ApplyTo_SetsHeadersVerbatimOnARequest()
    {
        var query = LifecycleTwinQuery.Empty
            .WithSelection(Selection.Of("Id", "Name").With("CustomFields", "Id", "Value"))
            .WithFilter(Filter.Contains("Name", "a, b"))
            .WithPage(0, 20)
            .WithRawHeader("x-custom", "1, 2");
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost/api/assets");
        request.Headers.TryAddWithoutValidation("select", "stale");

        query.ApplyTo(request.Headers);

        Assert.Equal(new[] { "{\"Id\", \"Name\", \"CustomFields\": {\"Id\", \"Value\"}}" }, request.Headers.GetValues("select"));
        Assert.Equal(new[] { "{\"contains\":{\"Name\":\"a, b\"}}" }, request.Headers.GetValues("filter"));
        Assert.Equal(new[] { "{\"page\" : 0, \"size\" : 20}" }, request.Headers.GetValues("pagination"));
        Assert.Equal(new[] { "1, 2" }, request.Headers.GetValues("x-custom"));
    }

    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);
}
