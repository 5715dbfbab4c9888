using System.Net;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

/// <summary>
/// The builders' headers, sent to the emulator over loopback, select exactly what the same condition selects in the
/// emulator's seeded data. Two independent implementations of LT-WIRE.md agreeing on every clause, path kind,
/// escaping, sort and pagination.
/// </summary>
public sealed class EmulatorAgreementTests(EmulatorQueryFixture fixture) : IClassFixture<EmulatorQueryFixture>
{
    private static readonly LifecycleTwinQuery IdsOnly = LifecycleTwinQuery.Empty.WithFields("Id");

    private IReadOnlyList<EmulatedAsset> Assets => fixture.Emulator.Assets;

    [Fact]
    public async Task Select_NestedBuilderOutput_ReturnsSelectedFields()
    {
        var query = LifecycleTwinQuery.Empty.WithSelection(Selection.Of("Id", "Name").With("CustomFields", "Id", "Value"));

        var items = await fixture.ListAsync("assets", query);

        Assert.Equal(Assets.Count, items.Count);
        var first = items[0]!.AsObject();
        Assert.Equal(Assets[0].Name, (string?)first["Name"]);
        Assert.Equal(Assets[0].CustomFields.Count, first["CustomFields"]!.AsArray().Count);
        Assert.False(first.ContainsKey("Description"));
    }

    [Fact]
    public async Task Equal_NonAsciiValue_IsEscapedAndMatches()
    {
        var query = LifecycleTwinQuery.Empty.WithFields("Id", "CityName").WithFilter(Filter.Equal("CityName", "M\u00fcnchen"));

        var sites = await fixture.ListAsync("clientprojects", query, siteScoped: false);

        var expected = fixture.Emulator.Sites.Where(s => s.CityName == "M\u00fcnchen").Select(s => s.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, sites.Select(s => (string)s!["Id"]!));
        Assert.All(sites, s => Assert.Equal("M\u00fcnchen", (string?)s!["CityName"]));
    }

    [Fact]
    public async Task Contains_NonAsciiSubstring_MatchesCaseInsensitively()
    {
        var ids = await fixture.IdsAsync("clientprojects", IdsOnly.WithFilter(Filter.Contains("CityName", "N\u00c8V")), siteScoped: false);

        Assert.Equal(fixture.Emulator.Sites.Where(s => s.CityName.Contains("n\u00e8v", StringComparison.OrdinalIgnoreCase)).Select(s => s.Id), ids);
        Assert.NotEmpty(ids);
    }

    [Fact]
    public async Task StringValue_WithQuotesBackslashControlAndEmoji_IsAcceptedAndMatchesNothing()
    {
        var ids = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.Contains("Name", "\"Pump\\\n\u0001 \u00e9 \U0001F600")));

        Assert.Empty(ids);
    }

    [Fact]
    public async Task Equal_StringIgnoresCase()
    {
        var ids = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.Equal("Name", Assets[0].Name.ToUpperInvariant())));

        Assert.Equal([Assets[0].Id], ids);
    }

    [Fact]
    public async Task StartsWithAndEndsWith_Match()
    {
        var starts = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.StartsWith("Name", "fan")));
        var ends = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.EndsWith("Name", "7")));

        AssertSameSet(Assets.Where(a => a.Name.StartsWith("Fan", StringComparison.Ordinal)), starts);
        AssertSameSet(Assets.Where(a => a.Name.EndsWith('7')), ends);
    }

    [Fact]
    public async Task NumericComparisons_MatchTheData()
    {
        AssertSameSet(Assets.Where(a => a.Quantity > 9), await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.GreaterThan("Quantity", 9))));
        AssertSameSet(Assets.Where(a => a.Quantity >= 9.5), await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.GreaterThanOrEquals("Quantity", 9.5))));
        AssertSameSet(Assets.Where(a => a.Quantity < 2), await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.LessThan("Quantity", 2L))));
        AssertSameSet(Assets.Where(a => a.Quantity <= 1.5), await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.LessThanOrEquals("Quantity", 1.50m))));
    }

    [Fact]
    public async Task DateComparison_ComparesInstants()
    {
        var pivot = Assets[10].InstallationDate.ToOffset(TimeSpan.FromHours(-7));

        var ids = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.GreaterThan("InstallationDate", pivot)));

        AssertSameSet(Assets.Where(a => a.InstallationDate > pivot), ids);
    }

    [Fact]
    public async Task In_MatchesAnyListedValue()
    {
        var ids = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.In("Name", Assets[3].Name, Assets[7].Name, "nothing")));

        AssertSameSet([Assets[3], Assets[7]], ids);
    }

    [Fact]
    public async Task IsEmpty_TrueAndFalse_Partition()
    {
        var empty = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.IsEmpty("Description")));
        var nonEmpty = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.IsEmpty("Description", isEmpty: false)));

        AssertSameSet(Assets.Where(a => string.IsNullOrEmpty(a.Description)), empty);
        AssertSameSet(Assets.Where(a => !string.IsNullOrEmpty(a.Description)), nonEmpty);
        Assert.NotEmpty(empty);
    }

    [Fact]
    public async Task Any_NestedFilterOnCollection_Matches()
    {
        var objectId = Assets.First(a => a.ModelObjects.Count == 2).ModelObjects[1].ObjectId;

        var ids = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.Any("ModelObjects", Filter.Equal("ObjectId", objectId))));

        AssertSameSet(Assets.Where(a => a.ModelObjects.Any(m => m.ObjectId == objectId)), ids);
        Assert.Single(ids);
    }

    [Fact]
    public async Task CollectionPath_MatchesAnyElement()
    {
        var objectId = Assets[2].ModelObjects[0].ObjectId;

        var ids = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.Equal(FieldPath.Collection("ModelObjects", "ObjectId"), objectId)));

        Assert.Equal([Assets[2].Id], ids);
    }

    [Fact]
    public async Task ReferencedPath_GuidValue_Matches()
    {
        var system = Assets[0].Systems[0];

        var ids = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.Equal(FieldPath.Referenced("Systems", "Id"), Guid.Parse(system.Id))));
        var byLocation = await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.Equal("Location.Id", Guid.Parse(Assets[5].Location.Id))));

        AssertSameSet(Assets.Where(a => a.Systems.Any(s => s.Id == system.Id)), ids);
        AssertSameSet(Assets.Where(a => a.Location.Id == Assets[5].Location.Id), byLocation);
    }

    [Fact]
    public async Task CustomFieldPath_NumberStringAndBoolean_Match()
    {
        var warranty = FieldPath.CustomField(Guid.Parse(LifecycleTwinCustomFieldIds.WarrantyYears));
        var manufacturer = FieldPath.CustomField(Guid.Parse(LifecycleTwinCustomFieldIds.Manufacturer));
        var critical = FieldPath.CustomField(Guid.Parse(LifecycleTwinCustomFieldIds.Critical));

        AssertSameSet(
            Assets.Where(a => HasCustomValue(a, LifecycleTwinCustomFieldIds.WarrantyYears, 3.0)),
            await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.Equal(warranty, 3))));
        AssertSameSet(
            Assets.Where(a => HasCustomValue(a, LifecycleTwinCustomFieldIds.Manufacturer, "Grundfos")),
            await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.Equal(manufacturer, "grundfos"))));
        AssertSameSet(
            Assets.Where(a => HasCustomValue(a, LifecycleTwinCustomFieldIds.Critical, true)),
            await fixture.IdsAsync("assets", IdsOnly.WithFilter(Filter.Equal(critical, true))));
    }

    [Fact]
    public async Task And_CombinedClauses_Intersect()
    {
        var filter = Filter.StartsWith("Name", "Pump")
            .And(Filter.GreaterThan("Quantity", 4))
            .And(Filter.IsEmpty("Description", false))
            .And(Filter.StartsWith("SerialNumber", "SN-"));

        var ids = await fixture.IdsAsync("assets", IdsOnly.WithFilter(filter));

        AssertSameSet(Assets.Where(a => a.Name.StartsWith("Pump", StringComparison.Ordinal) && a.Quantity > 4 && !string.IsNullOrEmpty(a.Description)), ids);
    }

    [Fact]
    public async Task EnsureStableSort_WalkingPages_ReturnsEveryAssetOnceInIdOrder()
    {
        var query = IdsOnly.EnsureStableSort();
        var pagination = Pagination.FirstPage(37);
        var ids = new List<string>();
        while (true)
        {
            var page = await fixture.IdsAsync("assets", query.WithPagination(pagination));
            ids.AddRange(page);
            if (page.Count < pagination.Size)
            {
                break;
            }

            pagination = pagination.Next();
        }

        Assert.Equal(Assets.Select(a => a.Id).Order(StringComparer.OrdinalIgnoreCase), ids);
    }

    [Fact]
    public async Task Sort_DescendingWithIdTieBreaker_OrdersByName()
    {
        var query = LifecycleTwinQuery.Empty.WithFields("Id", "Name").WithSort(Sort.Descending("Name")).EnsureStableSort().WithPage(0, 1000);

        var items = await fixture.ListAsync("assets", query);

        var names = items.Select(i => (string)i!["Name"]!).ToList();
        Assert.Equal(Assets.Select(a => a.Name).OrderDescending(StringComparer.OrdinalIgnoreCase), names);
    }

    [Fact]
    public async Task Pagination_LastPage_IsShorter()
    {
        var ids = await fixture.IdsAsync("assets", IdsOnly.EnsureStableSort().WithPage(Assets.Count / 100, 100));

        Assert.Equal(Assets.Count % 100, ids.Count);
    }

    [Fact]
    public async Task RawHeader_ReplacesTypedFilter()
    {
        var query = IdsOnly.WithFilter(Filter.Equal("Name", "nothing")).WithRawHeader("filter", $"{{\"Equals\" : {{\"Name\" : \"{Assets[1].Name}\"}}}}");

        Assert.Equal([Assets[1].Id], await fixture.IdsAsync("assets", query));
    }

    [Fact]
    public async Task UnknownFilterField_IsRejectedByTheEmulator()
    {
        var (status, _) = await fixture.SendAsync("assets", IdsOnly.WithFilter(Filter.Equal("NoSuchField", 1)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    private static bool HasCustomValue(EmulatedAsset asset, string id, object value) =>
        asset.CustomFields.Any(c => c.Id == id && (c.Value is string s && value is string v ? string.Equals(s, v, StringComparison.OrdinalIgnoreCase) : c.Value.Equals(value)));

    private static void AssertSameSet(IEnumerable<EmulatedAsset> expected, IReadOnlyCollection<string> actual)
    {
        var expectedIds = expected.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expectedIds); // every condition here is chosen to match something in the seeded data
        Assert.Equal(expectedIds, actual.Order(StringComparer.Ordinal));
    }
}
