using System.Net;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

public sealed class LifecycleTwinEmulatorSortTests(LifecycleTwinEmulatorFixture fixture) : IClassFixture<LifecycleTwinEmulatorFixture>
{
    private static readonly StringComparer NameOrder = StringComparer.OrdinalIgnoreCase;

    private LifecycleTwinApi Api => fixture.Api;

    private IReadOnlyList<EmulatedAsset> Assets => fixture.Emulator.Assets;

    [Theory]
    [InlineData("descending")]
    [InlineData("Descending")]
    [InlineData("DESCENDING")]
    public async Task Sort_NameDescending_OrdersByName(string direction)
    {
        var items = await Api.ListAsync("api/assets", sort: $"{{\"Name\": \"{direction}\"}}");

        Assert.Equal(Assets.OrderByDescending(a => a.Name, NameOrder).Select(a => a.Id), LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Sort_IdAscending_OrdersById()
    {
        var items = await Api.ListAsync("api/assets", sort: "{\"Id\": \"ascending\"}");

        Assert.Equal(Assets.Select(a => a.Id).Order(NameOrder), LifecycleTwinApi.Ids(items));
        Assert.NotEqual(Assets.Select(a => a.Id), LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Sort_SeveralKeys_PrimaryThenSecondary()
    {
        var items = await Api.ListAsync("api/assets", sort: "{\"Quantity\": \"ascending\", \"Name\": \"descending\"}");

        var expected = Assets.OrderBy(a => a.Quantity).ThenByDescending(a => a.Name, NameOrder).Select(a => a.Id);
        Assert.Equal(expected, LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Sort_ReferencedField_OrdersByIt()
    {
        var items = await Api.ListAsync("api/assets", sort: "{\"Location.Name\": \"descending\", \"Id\": \"ascending\"}");

        var expected = Assets.OrderByDescending(a => a.Location.Name, NameOrder).ThenBy(a => a.Id, NameOrder).Select(a => a.Id);
        Assert.Equal(expected, LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Sort_CustomFieldValue_OrdersNumerically()
    {
        var items = await Api.ListAsync(
            "api/assets",
            sort: $"{{\"CustomFields[{LifecycleTwinCustomFieldIds.WarrantyYears}].Value\": \"descending\", \"Id\": \"descending\"}}");

        var expected = Assets
            .OrderByDescending(a => (double)a.CustomFields.Single(c => c.Id == LifecycleTwinCustomFieldIds.WarrantyYears).Value)
            .ThenByDescending(a => a.Id, NameOrder)
            .Select(a => a.Id);
        Assert.Equal(expected, LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Sort_Date_OrdersByInstant()
    {
        var items = await Api.ListAsync("api/assets", sort: "{\"InstallationDate\": \"ascending\"}");

        Assert.Equal(Assets.OrderBy(a => a.InstallationDate).Select(a => a.Id), LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Sort_NullableField_PutsNullsFirstAndTiesInSeedOrder()
    {
        var items = await Api.ListAsync("api/assets", sort: "{\"Description\": \"ascending\"}");

        var expected = Assets.OrderBy(a => a.Description, NameOrder).Select(a => a.Id);
        Assert.Equal(expected, LifecycleTwinApi.Ids(items));
        Assert.Null(Assets.First(a => a.Id == LifecycleTwinApi.Ids(items)[0]).Description);
    }

    [Fact]
    public async Task Sort_WithFilter_SortsTheMatches()
    {
        var items = await Api.ListAsync("api/assets", filter: "{\"starts_with\":{\"Name\":\"Fan\"}}", sort: "{\"Name\": \"descending\"}");

        var expected = Assets.Where(a => a.Name.StartsWith("Fan", StringComparison.Ordinal)).OrderByDescending(a => a.Name, NameOrder).Select(a => a.Id);
        Assert.Equal(expected, LifecycleTwinApi.Ids(items));
    }

    [Fact]
    public async Task Sort_Sites_AsDocumented()
    {
        var sites = await Api.ListAsync("api/clientprojects", sort: "{\"Name\": \"descending\"}");

        Assert.Equal(fixture.Emulator.Sites.Select(s => s.Name).OrderDescending(NameOrder), sites.Select(s => (string)s!["Name"]!));
    }

    [Theory]
    [InlineData("{\"Name\": \"up\"}")]
    [InlineData("{\"Name\": 1}")]
    [InlineData("{\"Colour\": \"ascending\"}")]
    [InlineData("{\"Systems.Id\": \"ascending\"}")]
    [InlineData("{\"ModelObjects[].ObjectId\": \"ascending\"}")]
    [InlineData("{\"Location\": \"ascending\"}")]
    [InlineData("[\"Name\"]")]
    [InlineData("{\"Name\": \"ascending\"")]
    public async Task Sort_Invalid_Returns400(string sort)
    {
        using var response = await Api.GetAsync("api/assets", sort: sort);

        await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.BadRequest);
    }
}
