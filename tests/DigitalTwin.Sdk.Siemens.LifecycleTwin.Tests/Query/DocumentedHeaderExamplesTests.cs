
namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

/// <summary>
/// Every select, filter, sort and pagination header value shown in the two Lifecycle Twin docs
/// (siemens-lifecycle-twin-querying.txt and -quickstart.txt), reproduced through the builders. Each test checks our
/// canonical form exactly and that it equals the documented text once insignificant whitespace is removed (the doc's
/// own spacing varies). Filter clause names are compared case-insensitively where the doc capitalises them
/// (<c>Contains</c>, <c>Equals</c>): the builder writes lower case, which the doc's clause table uses.
/// </summary>
public class DocumentedHeaderExamplesTests
{
    // querying.txt, "Query all sites", "Get information of a specific site by id", "Selecting" (request examples).
    private const string DocSelectAllSiteFields =
        "{\"Name\", \"Id\", \"CreatedOn\", \"CityName\", \"ModifiedOnLocal\",\"OwnerOrganization\", \"Latitude\", \"Longitude\", \"Location\": {\"Id\", \"Name\"}}";

    // querying.txt, "Selecting" syntax.
    private const string DocSelectSyntax = "{\"Field1\", \"Field2\", \"Field3\": {\"Field1OfField3\", \"Field2OfField3\"}}";

    // querying.txt, "Filtering", "Sorting" and "Pagination" request examples.
    private const string DocSelectSiteFields =
        "{\"Name\", \"Id\", \"CreatedOn\", \"CityName\", \"Latitude\", \"Longitude\", \"Location\": {\"Id\", \"Name\"}}";

    // quickstart.txt, "Fetch the data".
    private const string DocSelectCustomFields = "{\"Id\", \"Name\", \"CustomFields\" : {\"Id\", \"Value\"}}";

    [Fact]
    public void Select_AllSiteFieldsExample()
    {
        var selection = Selection.Of("Name", "Id", "CreatedOn", "CityName", "ModifiedOnLocal", "OwnerOrganization", "Latitude", "Longitude")
            .With("Location", "Id", "Name");

        Assert.Equal(
            "{\"Name\", \"Id\", \"CreatedOn\", \"CityName\", \"ModifiedOnLocal\", \"OwnerOrganization\", \"Latitude\", \"Longitude\", \"Location\": {\"Id\", \"Name\"}}",
            selection.ToHeaderValue());
        WireText.AssertEquivalent(DocSelectAllSiteFields, selection.ToHeaderValue());
    }

    [Fact]
    public void Select_SyntaxExample()
    {
        var selection = Selection.Of("Field1", "Field2").With("Field3", s => s.Add("Field1OfField3", "Field2OfField3"));

        Assert.Equal(DocSelectSyntax, selection.ToHeaderValue());
    }

    [Fact]
    public void Select_SiteFieldsExample()
    {
        var selection = Selection.Of("Name", "Id", "CreatedOn", "CityName", "Latitude", "Longitude").With("Location", "Id", "Name");

        Assert.Equal(DocSelectSiteFields, selection.ToHeaderValue());
    }

    [Fact]
    public void Select_CustomFieldsExample()
    {
        var selection = Selection.Of("Id", "Name").With("CustomFields", "Id", "Value");

        Assert.Equal("{\"Id\", \"Name\", \"CustomFields\": {\"Id\", \"Value\"}}", selection.ToHeaderValue());
        WireText.AssertEquivalent(DocSelectCustomFields, selection.ToHeaderValue());
    }

    [Fact]
    public void Filter_SimpleByOneProperty()
    {
        const string Doc = "{\"equals\":{\"Name\":\"ISB-020-000--000_1000319\"}}";

        Assert.Equal(Doc, Filter.Equal("Name", "ISB-020-000--000_1000319").ToHeaderValue());
    }

    [Fact]
    public void Filter_ByPropertyOfReferencedField()
    {
        const string Doc = "{\"Equals\":{\"Systems.Id\":\"b7da56c7-f498-40f7-9104-80ba51cd62ba\"}}";
        var filter = Filter.Equal(FieldPath.Referenced("Systems", "Id"), Guid.Parse("b7da56c7-f498-40f7-9104-80ba51cd62ba"));

        Assert.Equal("{\"equals\":{\"Systems.Id\":\"b7da56c7-f498-40f7-9104-80ba51cd62ba\"}}", filter.ToHeaderValue());
        Assert.Equal(Doc, filter.ToHeaderValue(), ignoreCase: true);
    }

    [Fact]
    public void Filter_ByFieldOfCollectionProperty()
    {
        const string Doc = "{\"equals\":{\"ModelObjects[].ObjectId\":\"41958798-cb80-4c0b-bfaf-63e53192c615-0007b076\"}}";
        var filter = Filter.Equal(FieldPath.Collection("ModelObjects", "ObjectId"), "41958798-cb80-4c0b-bfaf-63e53192c615-0007b076");

        Assert.Equal(Doc, filter.ToHeaderValue());
    }

    [Fact]
    public void Filter_ContainsBuildingRequestExample()
    {
        const string Doc = "{\"Contains\" : {\"Name\" : \"Building1\"}}";
        var filter = Filter.Contains("Name", "Building1");

        Assert.Equal("{\"contains\":{\"Name\":\"Building1\"}}", filter.ToHeaderValue());
        Assert.Equal(WireText.StripInsignificantWhitespace(Doc), filter.ToHeaderValue(), ignoreCase: true);
    }

    [Fact]
    public void Filter_ContainsQuickstartExample()
    {
        const string Doc = "{\"Contains\" : {\"Name\" : \"100W - 277V\"}}";
        var filter = Filter.Contains("Name", "100W - 277V");

        Assert.Equal("{\"contains\":{\"Name\":\"100W - 277V\"}}", filter.ToHeaderValue());
        Assert.Equal(WireText.StripInsignificantWhitespace(Doc), filter.ToHeaderValue(), ignoreCase: true);
    }

    [Fact]
    public void Filter_CustomFieldQuickstartExample()
    {
        const string Doc = "{\"equals\":{\"CustomFields[4be891a7-58c8-4f14-8b5b-e878fe3016f3].Value\":3}}";
        var filter = Filter.Equal(FieldPath.CustomField(Guid.Parse("4be891a7-58c8-4f14-8b5b-e878fe3016f3")), 3);

        Assert.Equal(Doc, filter.ToHeaderValue());
    }

    [Fact]
    public void Filter_SyntaxTemplates_MatchTheirShape()
    {
        // {"clause":{"member":"value"}}, {"clause":{"Property.Field":"value"}}, {"clause":{"CollectionProperty[].Field":"value"}}
        Assert.Equal("{\"equals\":{\"member\":\"value\"}}", Filter.Equal("member", "value").ToHeaderValue());
        Assert.Equal("{\"equals\":{\"Property.Field\":\"value\"}}", Filter.Equal(FieldPath.Referenced("Property", "Field"), "value").ToHeaderValue());
        Assert.Equal(
            "{\"equals\":{\"CollectionProperty[].Field\":\"value\"}}",
            Filter.Equal(FieldPath.Collection("CollectionProperty", "Field"), "value").ToHeaderValue());
    }

    [Fact]
    public void Sort_DescendingExample()
    {
        Assert.Equal("{\"Name\": \"descending\"}", Sort.Descending("Name").ToHeaderValue());
    }

    [Fact]
    public void Sort_AscendingExample()
    {
        Assert.Equal("{\"Name\": \"ascending\"}", Sort.Ascending("Name").ToHeaderValue());
    }

    [Fact]
    public void Pagination_Example()
    {
        Assert.Equal("{\"page\" : 0, \"size\" : 20}", new Pagination(0, 20).ToHeaderValue());
    }

    [Fact]
    public void Request_QueryAllSites_Headers()
    {
        var query = LifecycleTwinQuery.Empty.WithSelection(
            Selection.Of("Name", "Id", "CreatedOn", "CityName", "ModifiedOnLocal", "OwnerOrganization", "Latitude", "Longitude").With("Location", "Id", "Name"));

        var header = Assert.Single(query.GetHeaders());
        Assert.Equal("select", header.Key);
        WireText.AssertEquivalent(DocSelectAllSiteFields, header.Value);
    }

    [Fact]
    public void Request_FilteringExample_Headers()
    {
        var query = SiteQuery().WithFilter(Filter.Contains("Name", "Building1"));

        AssertHeaders(
            query,
            ("filter", "{\"Contains\" : {\"Name\" : \"Building1\"}}"),
            ("select", DocSelectSiteFields));
    }

    [Fact]
    public void Request_SortingExample_Headers()
    {
        var query = SiteQuery().WithFilter(Filter.Contains("Name", "Building1")).WithSort(Sort.Descending("Name"));

        AssertHeaders(
            query,
            ("filter", "{\"Contains\" : {\"Name\" : \"Building1\"}}"),
            ("sort", "{\"Name\": \"descending\"}"),
            ("select", DocSelectSiteFields));
    }

    [Fact]
    public void Request_PaginationExample_Headers()
    {
        var query = SiteQuery()
            .WithFilter(Filter.Contains("Name", "Building1"))
            .WithSort(Sort.Ascending("Name"))
            .WithPagination(new Pagination(0, 20));

        AssertHeaders(
            query,
            ("filter", "{\"Contains\" : {\"Name\" : \"Building1\"}}"),
            ("sort", "{\"Name\": \"ascending\"}"),
            ("select", DocSelectSiteFields),
            ("Pagination", "{\"page\" : 0, \"size\" : 20}"));
    }

    private static LifecycleTwinQuery SiteQuery() =>
        LifecycleTwinQuery.Empty.WithSelection(
            Selection.Of("Name", "Id", "CreatedOn", "CityName", "Latitude", "Longitude").With("Location", "Id", "Name"));

    /// <summary>
    /// Compares the query's headers with the documented request, in any order (the doc lists them in varying order),
    /// header names case-insensitively (HTTP), values whitespace-insensitively, filter clause names case-insensitively.
    /// </summary>
    private static void AssertHeaders(LifecycleTwinQuery query, params (string Name, string Value)[] documented)
    {
        var actual = query.GetHeaders();
        Assert.Equal(documented.Length, actual.Count);
        foreach (var (name, value) in documented)
        {
            var header = Assert.Single(actual, h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(name.ToLowerInvariant(), header.Key);
            Assert.Equal(
                WireText.StripInsignificantWhitespace(value),
                WireText.StripInsignificantWhitespace(header.Value),
                ignoreCase: name == QueryHeaderNames.Filter);
        }
    }
}
