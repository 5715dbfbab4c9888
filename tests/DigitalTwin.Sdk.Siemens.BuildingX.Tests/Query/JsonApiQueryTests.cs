
namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Query;

public sealed class JsonApiQueryTests
{
    [Fact]
    public void Filter_GuideExample_ProducesTheDocumentedParameterLiterally()
    {
        var query = new JsonApiQuery().Filter("serialNumber", "12345").ToQueryString();

        // The guide and the public clients send the brackets as they are.
        Assert.Equal("?filter[serialNumber]=12345", query);
    }

    [Fact]
    public void Field_PerType_IsFieldTypeAsTheVendorSendsIt()
    {
        var query = new JsonApiQuery().Field("Point", "pointValue").ToQueryString();

        Assert.Equal("?field[Point]=pointValue", query);
        Assert.Throws<ArgumentException>(() => new JsonApiQuery().Field("Point"));
        Assert.Throws<ArgumentException>(() => new JsonApiQuery().Field("Po[int]", "pointValue"));
    }

    [Fact]
    public void PageLimit_GuideExample_ProducesTheDocumentedParameter()
    {
        var query = new JsonApiQuery().PageLimit(5).ToQueryString();

        Assert.Equal("?page[limit]=5", Uri.UnescapeDataString(query));
    }

    [Fact]
    public void SeveralFilters_IncludeFieldsAndField_AreAllPresentInOrder()
    {
        var query = new JsonApiQuery()
            .Filter("type", "Building")
            .Filter("hasLocation.data.id", "r1")
            .PageLimit(10)
            .Include("hasFeatures.DeviceInfo", "hasLocation")
            .Fields("Building", "label", "description")
            .Field("Point", "haystackTags");

        Assert.Equal(
            "?filter[type]=Building&filter[hasLocation.data.id]=r1&page[limit]=10&include=hasFeatures.DeviceInfo,hasLocation&fields[Building]=label,description&field[Point]=haystackTags",
            Uri.UnescapeDataString(query.ToQueryString()));
        Assert.Contains("include=hasFeatures.DeviceInfo,hasLocation", query.ToQueryString(), StringComparison.Ordinal);
        Assert.Contains("fields[Building]=label,description", query.ToQueryString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FilterValue_WithReservedCharacters_IsPercentEncoded()
    {
        var query = new JsonApiQuery().Filter("name", "A&B=C, D+E/F#G[1]?%").ToQueryString();

        Assert.Equal("?filter[name]=A%26B%3DC%2C%20D%2BE%2FF%23G%5B1%5D%3F%25", query);
    }

    [Fact]
    public void TimestampFilter_IsRfc3339Utc()
    {
        var query = new JsonApiQuery()
            .Filter("timestamp", "from", new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.FromHours(1)))
            .Filter("timestamp", "to", new DateTimeOffset(2026, 1, 1, 10, 30, 0, 250, TimeSpan.Zero));

        Assert.Equal(
            "?filter[timestamp][from]=2026-01-01T10:00:00Z&filter[timestamp][to]=2026-01-01T10:30:00.25Z",
            Uri.UnescapeDataString(query.ToQueryString()));
    }

    [Fact]
    public void Page_SameMemberTwice_KeepsLastValue()
    {
        var query = new JsonApiQuery().PageLimit(5).Page("limit", "7").Page("offset", "14");

        Assert.Equal("?page[limit]=7&page[offset]=14", Uri.UnescapeDataString(query.ToQueryString()));
    }

    [Fact]
    public void Empty_IsEmptyString()
    {
        Assert.Equal(string.Empty, new JsonApiQuery().ToQueryString());
    }

    [Fact]
    public void InvalidArguments_ThrowWithParameterName()
    {
        var query = new JsonApiQuery();

        Assert.Equal("field", Assert.Throws<ArgumentException>(() => query.Filter("a]b", "x")).ParamName);
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => query.Filter(" ", "x")).ParamName);
        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => query.PageLimit(0)).ParamName);
        Assert.Equal("paths", Assert.Throws<ArgumentException>(() => query.Include("a,b")).ParamName);
        Assert.Equal("type", Assert.Throws<ArgumentException>(() => query.Fields("[x]", "label")).ParamName);
        Assert.Throws<ArgumentNullException>(() => query.Filter("a", (string)null!));
    }
}
