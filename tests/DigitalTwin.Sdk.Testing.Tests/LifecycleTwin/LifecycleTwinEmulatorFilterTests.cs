using System.Globalization;
using System.Net;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

public sealed class LifecycleTwinEmulatorFilterTests(LifecycleTwinEmulatorFixture fixture) : IClassFixture<LifecycleTwinEmulatorFixture>
{
    private const string Warranty = LifecycleTwinCustomFieldIds.WarrantyYears;
    private const string Manufacturer = LifecycleTwinCustomFieldIds.Manufacturer;
    private const string Critical = LifecycleTwinCustomFieldIds.Critical;

    private LifecycleTwinApi Api => fixture.Api;

    private IReadOnlyList<EmulatedAsset> Assets => fixture.Emulator.Assets;

    [Theory]
    [InlineData("contains")]
    [InlineData("Contains")]
    [InlineData("CONTAINS")]
    public async Task Contains_AnyCaseClause_MatchesCaseInsensitively(string clause)
    {
        await AssertFilterAsync($"{{\"{clause}\":{{\"Name\":\"pUMP\"}}}}", a => a.Name.Contains("pump", StringComparison.OrdinalIgnoreCase), minimum: 20);
    }

    [Fact]
    public async Task Contains_DocumentationExampleOnDescription_Matches()
    {
        await AssertFilterAsync(
            "{\"Contains\" : {\"Description\" : \"100W - 277V\"}}",
            a => a.Description?.Contains("100W - 277V", StringComparison.Ordinal) == true,
            minimum: 10);
    }

    [Fact]
    public async Task StartsWith_Name_Matches()
    {
        await AssertFilterAsync("{\"starts_with\":{\"Name\":\"ahu 00\"}}", a => a.Name.StartsWith("AHU 00", StringComparison.Ordinal), minimum: 5);
    }

    [Fact]
    public async Task EndsWith_Name_Matches()
    {
        await AssertFilterAsync("{\"ends_with\":{\"Name\":\"5\"}}", a => a.Name.EndsWith('5'), minimum: 5);
    }

    [Theory]
    [InlineData("equals")]
    [InlineData("Equals")]
    public async Task Equals_Name_MatchesExactlyOneIgnoringCase(string clause)
    {
        var items = await Api.ListAsync("api/assets", filter: $"{{\"{clause}\":{{\"Name\":\"pump 0001\"}}}}");

        Assert.Equal(Assets[0].Id, (string?)Assert.Single(items)!["Id"]);
        Assert.Equal("Pump 0001", Assets[0].Name);
    }

    [Fact]
    public async Task Equals_ReferencedObjectField_Matches()
    {
        var room = Assets[1].Location.Name;

        await AssertFilterAsync($"{{\"equals\":{{\"Location.Name\":\"{room}\"}}}}", a => a.Location.Name == room, minimum: 2);
    }

    [Fact]
    public async Task Equals_ReferencedCollectionField_MatchesAnyElement()
    {
        var plumbing = fixture.Emulator.Systems.Single(s => s.Name == "Plumbing").Id;

        await AssertFilterAsync($"{{\"Equals\":{{\"Systems.Id\":\"{plumbing}\"}}}}", a => a.Systems.Any(s => s.Id == plumbing), minimum: 20);
    }

    [Fact]
    public async Task Equals_CollectionPathWithBrackets_MatchesAnyElement()
    {
        var target = Assets.First(a => a.ModelObjects.Count == 2).ModelObjects[1].ObjectId;

        await AssertFilterAsync($"{{\"equals\":{{\"ModelObjects[].ObjectId\":\"{target}\"}}}}", a => a.ModelObjects.Any(m => m.ObjectId == target), minimum: 1);
    }

    [Fact]
    public async Task Equals_CustomFieldNumberAsInDocumentation_Matches()
    {
        await AssertFilterAsync($"{{\"equals\":{{\"CustomFields[{Warranty}].Value\":3}}}}", a => CustomValue(a, Warranty) is 3.0, minimum: 40);
    }

    [Fact]
    public async Task Equals_CustomFieldString_MatchesIgnoringCase()
    {
        await AssertFilterAsync($"{{\"equals\":{{\"CustomFields[{Manufacturer}].Value\":\"belimo\"}}}}", a => CustomValue(a, Manufacturer) is "Belimo", minimum: 40);
    }

    [Fact]
    public async Task Equals_CustomFieldBoolean_Matches()
    {
        await AssertFilterAsync($"{{\"equals\":{{\"CustomFields[{Critical}].Value\":true}}}}", a => CustomValue(a, Critical) is true, minimum: 50);
    }

    [Fact]
    public async Task Equals_Null_MatchesMissingValues()
    {
        await AssertFilterAsync("{\"equals\":{\"Description\":null}}", a => a.Description is null, minimum: 5);
    }

    [Theory]
    [InlineData("greater_than", 5.0)]
    [InlineData("greater_than_or_equals", 5.0)]
    [InlineData("less_than", 3.5)]
    [InlineData("less_than_or_equals", 3.5)]
    [InlineData("GREATER_THAN", 9.5)]
    public async Task NumericComparison_Quantity_ComparesNumerically(string clause, double value)
    {
        Func<double, bool> test = clause.ToLowerInvariant() switch
        {
            "greater_than" => q => q > value,
            "greater_than_or_equals" => q => q >= value,
            "less_than" => q => q < value,
            _ => q => q <= value,
        };

        await AssertFilterAsync(
            $"{{\"{clause}\":{{\"Quantity\":{value.ToString(CultureInfo.InvariantCulture)}}}}}",
            a => test(a.Quantity),
            minimum: 5);
    }

    [Theory]
    [InlineData("2020-01-01T00:00:00Z")]
    [InlineData("2020-01-01T02:00:00+02:00")]
    [InlineData("2020-01-01T00:00:00.000Z")]
    public async Task GreaterThan_Date_ComparesAsInstant(string date)
    {
        var limit = DateTimeOffset.Parse(date, CultureInfo.InvariantCulture);

        await AssertFilterAsync($"{{\"greater_than\":{{\"InstallationDate\":\"{date}\"}}}}", a => a.InstallationDate > limit, minimum: 20);
    }

    [Fact]
    public async Task LessThanOrEquals_DateAndGreaterThan_CombineAsRange()
    {
        var from = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2019, 6, 30, 0, 0, 0, TimeSpan.Zero);

        await AssertFilterAsync(
            "{\"greater_than_or_equals\":{\"InstallationDate\":\"2018-01-01T00:00:00Z\"},\"less_than_or_equals\":{\"InstallationDate\":\"2019-06-30T00:00:00Z\"}}",
            a => a.InstallationDate >= from && a.InstallationDate <= to,
            minimum: 10);
    }

    [Fact]
    public async Task LessThan_String_ComparesOrdinal()
    {
        await AssertFilterAsync("{\"less_than\":{\"Name\":\"B\"}}", a => string.CompareOrdinal(a.Name, "B") < 0, minimum: 20);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task IsEmpty_Description_MatchesNullAndEmptyOrTheOpposite(bool empty)
    {
        await AssertFilterAsync(
            $"{{\"is_empty\":{{\"Description\":{(empty ? "true" : "false")}}}}}",
            a => string.IsNullOrEmpty(a.Description) == empty,
            minimum: 20);
    }

    [Fact]
    public async Task IsEmpty_Collection_MatchesAssetsWithoutElements()
    {
        await AssertFilterAsync("{\"is_empty\":{\"Systems\":true}}", a => a.Systems.Count == 0, minimum: 20);
        await AssertFilterAsync("{\"is_empty\":{\"ModelObjects[]\":false}}", a => a.ModelObjects.Count > 0, minimum: 20);
    }

    [Fact]
    public async Task IsEmpty_CustomField_MatchesAssetsWithoutIt()
    {
        await AssertFilterAsync($"{{\"is_empty\":{{\"CustomFields[{Manufacturer}].Value\":true}}}}", a => CustomValue(a, Manufacturer) is null, minimum: 20);
    }

    [Fact]
    public async Task In_Names_MatchesAnyListedValue()
    {
        var items = await Api.ListAsync("api/assets", filter: "{\"in\":{\"Name\":[\"Pump 0001\",\"ahu 0002\",\"Nothing 9999\"]}}");

        Assert.Equal([Assets[0].Id, Assets[1].Id], LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task In_CustomFieldNumbers_Matches()
    {
        await AssertFilterAsync($"{{\"in\":{{\"CustomFields[{Warranty}].Value\":[1,5]}}}}", a => CustomValue(a, Warranty) is 1.0 or 5.0, minimum: 50);
    }

    [Fact]
    public async Task Any_CollectionWithNestedFilter_MatchesWhenOneElementMatches()
    {
        var target = Assets[10].ModelObjects[0].ObjectId;

        await AssertFilterAsync(
            $"{{\"any\":{{\"ModelObjects\":{{\"equals\":{{\"ObjectId\":\"{target}\"}}}}}}}}",
            a => a.ModelObjects.Any(m => m.ObjectId == target),
            minimum: 1);
    }

    [Fact]
    public async Task Any_NestedClausesAreAndedPerElement()
    {
        await AssertFilterAsync(
            $"{{\"any\":{{\"CustomFields\":{{\"equals\":{{\"Id\":\"{Critical}\",\"Value\":true}}}}}}}}",
            a => CustomValue(a, Critical) is true,
            minimum: 50);
        await AssertFilterAsync(
            "{\"Any\":{\"Systems\":{\"starts_with\":{\"Name\":\"light\"}}}}",
            a => a.Systems.Any(s => s.Name.StartsWith("Light", StringComparison.Ordinal)),
            minimum: 20);
    }

    [Fact]
    public async Task SeveralClausesAndMembers_AreAnded()
    {
        var hvac = fixture.Emulator.Systems.Single(s => s.Name == "HVAC").Id;

        await AssertFilterAsync(
            $"{{\"contains\":{{\"Name\":\"Pump\",\"Description\":\"pump\"}},\"equals\":{{\"Systems.Id\":\"{hvac}\"}},\"greater_than\":{{\"Quantity\":2}}}}",
            a => a.Name.Contains("Pump", StringComparison.Ordinal)
                && a.Description?.Contains("pump", StringComparison.OrdinalIgnoreCase) == true
                && a.Systems.Any(s => s.Id == hvac)
                && a.Quantity > 2,
            minimum: 5);
    }

    [Fact]
    public async Task Filter_OnSitesAsDocumented_ReturnsBuilding1()
    {
        var sites = await Api.ListAsync("api/clientprojects", filter: "{\"Contains\" : {\"Name\" : \"Building1\"}}", sort: "{\"Name\": \"descending\"}");

        Assert.Equal("Building1", (string?)Assert.Single(sites)!["Name"]);
    }

    [Fact]
    public async Task Filter_EscapedNonAsciiValue_MatchesUnicodeData()
    {
        var sites = await Api.ListAsync("api/clientprojects", filter: "{\"equals\":{\"CityName\":\"M\\u00fcnchen\"}}");

        Assert.Equal("München", (string?)Assert.Single(sites)!["CityName"]);
    }

    [Theory]
    [InlineData("{\"contains\":{\"Name\":\"Pump \\\"0001\\\"\"}}")]
    [InlineData("{\"contains\":{\"Name\":\"Pump\\\\0001\"}}")]
    [InlineData("{\"contains\":{\"Name\":\"Pump\\u00090001\"}}")]
    [InlineData("{\"contains\":{\"Name\":\"\\ud83d\\ude00\"}}")]
    public async Task Filter_EscapedCharactersInValue_ParseAndMatchLiterally(string filter)
    {
        var items = await Api.ListAsync("api/assets", filter: filter);

        Assert.Empty(items);
    }

    [Fact]
    public async Task Filter_EscapedSpaceInValue_MatchesLiterally()
    {
        var items = await Api.ListAsync("api/assets", filter: "{\"equals\":{\"Name\":\"Pump\\u00200001\"}}");

        Assert.Equal(Assets[0].Id, (string?)Assert.Single(items)!["Id"]);
    }

    [Fact]
    public async Task Filter_OtherResources_Work()
    {
        var floors = await Api.ListAsync("api/locations", filter: "{\"starts_with\":{\"Name\":\"Floor\"},\"greater_than\":{\"ChildrenCount\":0}}");
        var folders = await Api.ListAsync("api/documents", filter: "{\"equals\":{\"IsFolder\":true}}");

        Assert.Equal(3, floors.Count);
        Assert.Equal(fixture.Emulator.Documents.Where(d => d.IsFolder).Select(d => d.Id), LifecycleTwinApi.Ids(folders));
    }

    [Fact]
    public async Task Filter_IsIgnoredForGetById()
    {
        var items = await Api.ListAsync($"api/assets/{Assets[0].Id}", filter: "{\"equals\":{\"Name\":\"nothing\"}}");

        Assert.Single(items);
    }

    [Theory]
    [InlineData("{\"equals\":{\"Colour\":\"red\"}}", "Unknown field 'Colour' in filter.")]
    [InlineData("{\"equals\":{\"Location.Floor\":\"1\"}}", "Unknown field 'Location.Floor' in filter.")]
    [InlineData("{\"equals\":{\"Name[]\":\"x\"}}", "Unknown field 'Name[]' in filter.")]
    [InlineData("{\"equals\":{\"Name.Id\":\"x\"}}", "Unknown field 'Name.Id' in filter.")]
    [InlineData("{\"equals\":{\"CustomFields[abc.Value\":1}}", "Unknown field 'CustomFields[abc.Value' in filter.")]
    [InlineData("{\"matches\":{\"Name\":\"x\"}}", "Unknown filter clause 'matches'.")]
    public async Task Filter_UnknownPathOrClause_Returns400(string filter, string message)
    {
        using var response = await Api.GetAsync("api/assets", filter: filter);

        Assert.Equal(message, await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("{\"equals\":{\"Name\":\"x\"}")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"equals\":\"Name\"}")]
    [InlineData("{\"in\":{\"Name\":\"x\"}}")]
    [InlineData("{\"is_empty\":{\"Name\":\"yes\"}}")]
    [InlineData("{\"equals\":{\"Systems\":\"x\"}}")]
    [InlineData("{\"equals\":{\"Name\":{\"a\":1}}}")]
    [InlineData("{\"contains\":{\"Name\":true}}")]
    [InlineData("{\"greater_than\":{\"Quantity\":null}}")]
    [InlineData("{\"equals\":{\"Quantity\":1e400}}")]
    [InlineData("{\"any\":{\"Name\":{\"equals\":{\"Id\":\"x\"}}}}")]
    [InlineData("{\"any\":{\"Systems\":{\"equals\":{\"Quantity\":1}}}}")]
    public async Task Filter_Malformed_Returns400(string filter)
    {
        using var response = await Api.GetAsync("api/assets", filter: filter);

        await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.BadRequest);
    }

    private static object? CustomValue(EmulatedAsset asset, string id) => asset.CustomFields.FirstOrDefault(c => c.Id == id)?.Value;

    private async Task AssertFilterAsync(string filter, Func<EmulatedAsset, bool> expected, int minimum)
    {
        var items = await Api.ListAsync("api/assets", filter: filter);

        var expectedIds = Assets.Where(expected).Select(a => a.Id).ToList();
        Assert.True(expectedIds.Count >= minimum, $"seed data gives only {expectedIds.Count} matches for {filter}");
        Assert.True(expectedIds.Count < Assets.Count, $"every asset matches {filter}");
        Assert.Equal(expectedIds, LifecycleTwinApi.Ids(items));
    }
}
