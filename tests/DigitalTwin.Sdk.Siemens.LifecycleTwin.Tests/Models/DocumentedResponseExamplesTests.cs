using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Models;

/// <summary>
/// Every response body in the Lifecycle Twin querying doc (the one-site array answering the get-by-id and select
/// examples, and the two-site array of the "Selecting" example) parses into the models with every field checked, and
/// serializes back to the same JSON.
/// </summary>
public class DocumentedResponseExamplesTests
{
    // siemens-lifecycle-twin-querying.txt, "Get information of a specific site by id", Response (verbatim).
    private const string SingleSiteResponse = """
        [
        {
        "Name": "Building1",
        "IsEnabled": false,
        "CreatedOn": "2022-10-18T14:32:17.023Z",
        "Location": {
        "Name": "Zug",
        "ChildrenCount": 0,
        "Id": "4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236"
        },
        "Id": "2f4978fe-ab1c-4d66-be94-2086d0887a86",
        "CreatedOnLocal": "2022-10-18T14:32:17.023+00:00"
        }
        ]
        """;

    // siemens-lifecycle-twin-querying.txt, "Selecting", Response (verbatim; note the "xy1c" ids are not GUIDs).
    private const string TwoSitesResponse = """
        [
        {
        "Name": "Building1",
        "IsEnabled": false,
        "CreatedOn": "2022-10-18T14:32:17.023Z",
        "Location": {
        "Name": "Zug",
        "ChildrenCount": 0,
        "Id": "4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236"
        },
        "Id": "2f4978fe-ab1c-4d66-be94-2086d0887a86",
        "CreatedOnLocal": "2022-10-18T14:32:17.023+00:00"
        },
        {
        "Name": "Building2",
        "IsEnabled": false,
        "CreatedOn": "2022-10-18T14:32:17.023Z",
        "Location": {
        "Name": "Zurich",
        "ChildrenCount": 0,
        "Id": "4dc758d7-xy1c-4f4b-bd42-fd95c3cd8236"
        },
        "Id": "2f4978fe-xy1c-4d66-be94-2086d0887a86",
        "CreatedOnLocal": "2022-10-18T14:32:17.023+00:00"
        }
        ]
        """;

    private static readonly DateTimeOffset DocCreated = new(2022, 10, 18, 14, 32, 17, 23, TimeSpan.Zero);

    [Fact]
    public void SingleSiteResponse_ParsesEveryField()
    {
        var sites = JsonSerializer.Deserialize(SingleSiteResponse, LifecycleTwinJsonContext.Default.ListSite);

        var site = Assert.Single(sites!);
        AssertDocSite(site, "Building1", "2f4978fe-ab1c-4d66-be94-2086d0887a86", "Zug", "4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236");
    }

    [Fact]
    public void TwoSitesResponse_ParsesEveryField()
    {
        var sites = JsonSerializer.Deserialize(TwoSitesResponse, LifecycleTwinJsonContext.Default.ListSite);

        Assert.NotNull(sites);
        Assert.Equal(2, sites.Count);
        AssertDocSite(sites[0], "Building1", "2f4978fe-ab1c-4d66-be94-2086d0887a86", "Zug", "4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236");
        AssertDocSite(sites[1], "Building2", "2f4978fe-xy1c-4d66-be94-2086d0887a86", "Zurich", "4dc758d7-xy1c-4f4b-bd42-fd95c3cd8236");
    }

    [Theory]
    [InlineData(SingleSiteResponse)]
    [InlineData(TwoSitesResponse)]
    public void DocumentedResponses_SerializeBackToTheSameJson(string body)
    {
        var sites = JsonSerializer.Deserialize(body, LifecycleTwinJsonContext.Default.ListSite);

        var written = JsonSerializer.Serialize(sites!, LifecycleTwinJsonContext.Default.ListSite);

        var expected = JsonNode.Parse(body);
        var actual = JsonNode.Parse(written);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected!.ToJsonString()}{Environment.NewLine}Actual   {actual!.ToJsonString()}");
        Assert.Contains("\"CreatedOn\":\"2022-10-18T14:32:17.023Z\"", written, StringComparison.Ordinal);
        Assert.Contains("\"CreatedOnLocal\":\"2022-10-18T14:32:17.023+00:00\"", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SingleSiteResponse)]
    [InlineData(TwoSitesResponse)]
    public void DocumentedResponses_ParseThroughTheGenericEscapeHatch(string body)
    {
        var objects = JsonSerializer.Deserialize(body, LifecycleTwinJsonContext.Default.ListJsonObject);
        var elements = JsonSerializer.Deserialize(body, LifecycleTwinJsonContext.Default.ListJsonElement);

        Assert.NotNull(objects);
        Assert.NotNull(elements);
        Assert.Equal(objects.Count, elements.Count);
        Assert.Equal("Building1", objects[0]["Name"]!.GetValue<string>());
        Assert.Equal("Zug", elements[0].GetProperty("Location").GetProperty("Name").GetString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(JsonSerializer.Serialize(objects, LifecycleTwinJsonContext.Default.ListJsonObject))));
    }

    private static void AssertDocSite(Site site, string name, string id, string locationName, string locationId)
    {
        Assert.Equal(name, site.Name);
        Assert.Equal(id, site.Id);
        Assert.False(site.IsEnabled);
        Assert.Equal(DocCreated, site.CreatedOn);
        Assert.Equal(TimeSpan.Zero, site.CreatedOn!.Value.Offset);
        Assert.Equal(DocCreated, site.CreatedOnLocal);
        Assert.Equal(TimeSpan.Zero, site.CreatedOnLocal!.Value.Offset);
        Assert.Null(site.ModifiedOnLocal);
        Assert.Null(site.CityName);
        Assert.Null(site.OwnerOrganization);
        Assert.Null(site.Latitude);
        Assert.Null(site.Longitude);
        Assert.Null(site.AdditionalProperties);
        Assert.NotNull(site.Location);
        Assert.Equal(locationName, site.Location.Name);
        Assert.Equal(locationId, site.Location.Id);
        Assert.Equal(0, site.Location.ChildrenCount);
        Assert.Null(site.Location.AdditionalProperties);
    }
}
