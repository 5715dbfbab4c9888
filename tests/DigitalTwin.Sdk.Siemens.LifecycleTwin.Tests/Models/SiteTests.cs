using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Models;

public class SiteTests
{
    // Every field of the emulator schema (LT-WIRE.md) plus fields the model does not know.
    private const string FullSite = """
        {
          "Id": "2f4978fe-ab1c-4d66-be94-2086d0887a86",
          "Name": "Campus \"Nord\" caf\u00e9",
          "IsEnabled": true,
          "CreatedOn": "2022-10-18T14:32:17.023Z",
          "CreatedOnLocal": "2022-10-18T16:32:17.023+02:00",
          "ModifiedOnLocal": "2023-01-02T03:04:05.5+01:00",
          "CityName": "Zug",
          "OwnerOrganization": { "Id": "bb601d80-0c8d-4a4d-bece-230ad4b12d9c", "Name": "Siemens" },
          "Latitude": 47.1662,
          "Longitude": -8.5155,
          "Location": { "Id": "4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236", "Name": "Zug", "ChildrenCount": 3, "Path": ["CH", "Zug"] },
          "Timezone": "Europe/Zurich",
          "Tags": [1, "two", null, {"x": true}],
          "Extra": null
        }
        """;

    [Fact]
    public void Deserialize_FullSite_ReadsEveryTypedField()
    {
        var site = JsonSerializer.Deserialize(FullSite, LifecycleTwinJsonContext.Default.Site)!;

        Assert.Equal("2f4978fe-ab1c-4d66-be94-2086d0887a86", site.Id);
        Assert.Equal("Campus \"Nord\" caf\u00e9", site.Name);
        Assert.True(site.IsEnabled);
        Assert.Equal(new DateTimeOffset(2022, 10, 18, 14, 32, 17, 23, TimeSpan.Zero), site.CreatedOn);
        Assert.Equal(new DateTimeOffset(2022, 10, 18, 16, 32, 17, 23, TimeSpan.FromHours(2)), site.CreatedOnLocal);
        Assert.Equal(TimeSpan.FromHours(2), site.CreatedOnLocal!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2023, 1, 2, 3, 4, 5, 500, TimeSpan.FromHours(1)), site.ModifiedOnLocal);
        Assert.Equal("Zug", site.CityName);
        Assert.Equal("bb601d80-0c8d-4a4d-bece-230ad4b12d9c", site.OwnerOrganization!.Id);
        Assert.Equal("Siemens", site.OwnerOrganization.Name);
        Assert.Equal(47.1662, site.Latitude);
        Assert.Equal(-8.5155, site.Longitude);
        Assert.Equal("4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236", site.Location!.Id);
        Assert.Equal("Zug", site.Location.Name);
        Assert.Equal(3, site.Location.ChildrenCount);
    }

    [Fact]
    public void Deserialize_UnknownFields_LandInAdditionalProperties()
    {
        var site = JsonSerializer.Deserialize(FullSite, LifecycleTwinJsonContext.Default.Site)!;

        Assert.NotNull(site.AdditionalProperties);
        Assert.Equal(new[] { "Extra", "Tags", "Timezone" }, site.AdditionalProperties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Europe/Zurich", site.AdditionalProperties["Timezone"].GetString());
        Assert.Equal(4, site.AdditionalProperties["Tags"].GetArrayLength());
        Assert.Equal(JsonValueKind.Null, site.AdditionalProperties["Extra"].ValueKind);
        Assert.Equal("Zug", site.Location!.AdditionalProperties!["Path"][1].GetString());
    }

    [Fact]
    public void Serialize_AfterDeserialize_KeepsEveryFieldIncludingUnknownOnes()
    {
        var site = JsonSerializer.Deserialize(FullSite, LifecycleTwinJsonContext.Default.Site)!;

        var written = JsonSerializer.Serialize(site, LifecycleTwinJsonContext.Default.Site);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(FullSite), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Serialize_CreatedOnWithOffset_IsWrittenInUtc()
    {
        var site = new Site { CreatedOn = new DateTimeOffset(2022, 10, 18, 16, 32, 17, TimeSpan.FromHours(2)) };

        var written = JsonSerializer.Serialize(site, LifecycleTwinJsonContext.Default.Site);

        Assert.Equal("{\"CreatedOn\":\"2022-10-18T14:32:17Z\"}", written);
    }

    [Fact]
    public void Serialize_ConstructedModel_WritesPascalCaseAndOmitsNulls()
    {
        var site = new Site { Id = "s1", Name = "B", Latitude = 1.5, Location = new SiteLocation { Name = "Zug" } };

        var written = JsonSerializer.Serialize(site, LifecycleTwinJsonContext.Default.Site);

        Assert.Equal("{\"Id\":\"s1\",\"Name\":\"B\",\"Latitude\":1.5,\"Location\":{\"Name\":\"Zug\"}}", written);
    }

    [Fact]
    public void Deserialize_CamelCaseNames_AreMatchedCaseInsensitively()
    {
        var site = JsonSerializer.Deserialize("{\"id\":\"s1\",\"name\":\"B\",\"isEnabled\":true}", LifecycleTwinJsonContext.Default.Site)!;

        Assert.Equal("s1", site.Id);
        Assert.Equal("B", site.Name);
        Assert.True(site.IsEnabled);
        Assert.Null(site.AdditionalProperties);
    }

    [Fact]
    public void Deserialize_SelectedSubset_LeavesOthersNull()
    {
        var site = JsonSerializer.Deserialize("{\"Id\":\"s1\"}", LifecycleTwinJsonContext.Default.Site)!;

        Assert.Equal(new Site { Id = "s1" }, site);
    }

    [Fact]
    public void Deserialize_WrongType_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"Latitude\":\"north\"}", LifecycleTwinJsonContext.Default.Site));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"CreatedOn\":\"yesterday\"}", LifecycleTwinJsonContext.Default.Site));
    }

    [Fact]
    public void Records_AreComparableAndCopyable()
    {
        var site = new Site { Id = "s1", Name = "A" };

        var renamed = site with { Name = "B" };

        Assert.Equal("A", site.Name);
        Assert.Equal("B", renamed.Name);
        Assert.NotEqual(site, renamed);
        Assert.Equal(site, new Site { Id = "s1", Name = "A" });
    }
}
