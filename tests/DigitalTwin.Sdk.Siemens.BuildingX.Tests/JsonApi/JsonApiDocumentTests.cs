using System.Text.Json;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.JsonApi;

public sealed class JsonApiDocumentTests
{
    // Verbatim from the developer guide, "JSON Error Object" example response.
    private const string GuideErrorExample = """
        {
            "errors":[
                {
                    "id": "2e92b826-8d7f-4a86-bf84-241c02c1b90a",
                    "status": "400",
                    "code": "34-0001",
                    "title": "Missing mandatory property 'name'"
                }
            ]
        }
        """;

    private const string DeviceList = """
        {
          "data": [
            {
              "type": "Device", "id": "d1",
              "attributes": { "name": "Gateway A", "serialNumber": "12345", "futureProperty": { "x": 1 } },
              "relationships": {
                "hasLocation": { "data": { "type": "Room", "id": "r1" } },
                "hasFeatures": { "data": [ { "type": "DeviceInfo", "id": "f1" } ], "links": { "related": "/operations/devices/d1/features" } },
                "isHostedBy": { "data": null }
              },
              "links": { "self": { "href": "/operations/devices/d1", "meta": { "v": 2 } } },
              "newMember": true
            }
          ],
          "included": [
            { "type": "Room", "id": "r1", "attributes": { "label": "Room 101" } },
            { "type": "DeviceInfo", "id": "f1", "attributes": { "manufacturer": "Siemens", "model": "PXC7", "firmwareVersion": "3.1" } }
          ],
          "links": {
            "self": "/operations/partitions/p/devices?page[limit]=1",
            "first": "/operations/partitions/p/devices?page[limit]=1",
            "last": "/operations/partitions/p/devices?page[limit]=1&page[cursor]=z",
            "prev": null,
            "next": "/operations/partitions/p/devices?page[limit]=1&page[cursor]=b2Zmc2V0OjE"
          },
          "meta": { "total": 10 },
          "jsonapi": { "version": "1.1" },
          "somethingNew": [1, 2]
        }
        """;

    [Fact]
    public void Relationship_EmptyObject_ParsesWithoutLinkage()
    {
        // JSON:API allows a relationship with none of data/links/meta; it must not fail the whole document.
        const string json = """
            {"data":[{"type":"Device","id":"d1","attributes":{"name":"A"},"relationships":{"hasLocation":{},"hasFeatures":{"data":[]}}}]}
            """;

        var device = Assert.Single(JsonSerializer.Deserialize(json, BuildingXJsonContext.Default.DeviceListDocument)!.Data!);

        Assert.Null(device.Relationships!["hasLocation"].Data);
        Assert.Null(device.LocationId);
        Assert.Empty(device.Relationships["hasFeatures"].Data!.Identifiers);
    }

    [Fact]
    public void ErrorDocument_GuideExample_ParsesEveryMember()
    {
        var document = JsonSerializer.Deserialize(GuideErrorExample, BuildingXJsonContext.Default.UntypedDocument)!;

        var error = Assert.Single(document.Errors!);
        Assert.Equal("2e92b826-8d7f-4a86-bf84-241c02c1b90a", error.Id);
        Assert.Equal("400", error.Status);
        Assert.Equal("34-0001", error.Code);
        Assert.Equal("Missing mandatory property 'name'", error.Title);
        Assert.Equal(JsonValueKind.Undefined, document.Data.ValueKind);
    }

    [Fact]
    public void ErrorDocument_FullErrorObject_KeepsDetailSourceLinksMetaAndUnknownMembers()
    {
        const string json = """
            {"errors":[{"id":"e1","links":{"about":"https://example.com/e1"},"status":"400","code":"10-0400","title":"Invalid",
              "detail":"page[limit] must be positive","source":{"parameter":"page[limit]","pointer":"/data","header":"Accept"},
              "meta":{"hint":1},"future":"kept"}]}
            """;

        var error = Assert.Single(JsonSerializer.Deserialize(json, BuildingXJsonContext.Default.UntypedDocument)!.Errors!);

        Assert.Equal("page[limit] must be positive", error.Detail);
        Assert.Equal("page[limit]", error.Source!.Parameter);
        Assert.Equal("/data", error.Source.Pointer);
        Assert.Equal("Accept", error.Source.Header);
        Assert.Equal("https://example.com/e1", error.Links!.About!.Href);
        Assert.Equal(1, error.Meta!.Value.GetProperty("hint").GetInt32());
        Assert.Equal("kept", error.AdditionalProperties!["future"].GetString());
    }

    [Fact]
    public void ListDocument_ParsesDataIncludedLinksMetaAndRelationshipShapes()
    {
        var document = JsonSerializer.Deserialize(DeviceList, BuildingXJsonContext.Default.DeviceListDocument)!;

        var device = Assert.Single(document.Data!);
        Assert.Equal("Device", device.Type);
        Assert.Equal("d1", device.Id);
        Assert.Equal("Gateway A", device.Attributes!.Name);
        Assert.Equal("12345", device.Attributes.SerialNumber);
        Assert.Equal("r1", device.LocationId);
        Assert.False(device.Relationships!["hasLocation"].Data!.IsToMany);
        Assert.True(device.Relationships["hasFeatures"].Data!.IsToMany);
        Assert.Equal("/operations/devices/d1/features", device.Relationships["hasFeatures"].Links!.Related!.Href);
        Assert.Null(device.Relationships["isHostedBy"].Data);
        Assert.Equal("/operations/devices/d1", device.Links!.Self!.Href);
        Assert.Equal(2, device.Links.Self.Meta!.Value.GetProperty("v").GetInt32());
        Assert.Equal(2, document.Included!.Count);
        Assert.Equal("Room 101", document.Included[0].Attributes.GetProperty("label").GetString());
        Assert.EndsWith("page[cursor]=b2Zmc2V0OjE", document.Links!.Next!.Href, StringComparison.Ordinal);
        Assert.NotNull(document.Links.First);
        Assert.NotNull(document.Links.Last);
        Assert.Null(document.Links.Prev);
        Assert.Equal(10, document.Meta!.Value.GetProperty("total").GetInt32());
        Assert.Equal("1.1", document.JsonApi!.Version);
    }

    [Fact]
    public void ListDocument_UnknownMembersAtEveryLevel_AreKeptAndRoundTrip()
    {
        var document = JsonSerializer.Deserialize(DeviceList, BuildingXJsonContext.Default.DeviceListDocument)!;
        var device = document.Data![0];

        Assert.Equal(1, device.Attributes!.AdditionalProperties!["futureProperty"].GetProperty("x").GetInt32());
        Assert.True(device.AdditionalProperties!["newMember"].GetBoolean());
        Assert.Equal(2, document.AdditionalProperties!["somethingNew"].GetArrayLength());

        var written = JsonSerializer.Serialize(document, BuildingXJsonContext.Default.DeviceListDocument);
        var again = JsonSerializer.Deserialize(written, BuildingXJsonContext.Default.DeviceListDocument)!;
        Assert.Equal(1, again.Data![0].Attributes!.AdditionalProperties!["futureProperty"].GetProperty("x").GetInt32());
        Assert.Equal("f1", again.Data[0].Relationships!["hasFeatures"].Data!.Identifiers[0].Id);
        Assert.True(again.Data[0].Relationships!["hasFeatures"].Data!.IsToMany);
        Assert.Equal("r1", again.Data[0].Relationships!["hasLocation"].Data!.Single!.Id);
        Assert.Equal(document.Links!.Next!.Href, again.Links!.Next!.Href);
        Assert.Equal(2, again.Data[0].Links!.Self!.Meta!.Value.GetProperty("v").GetInt32());
        using var parsed = JsonDocument.Parse(written);
        Assert.Equal(JsonValueKind.String, parsed.RootElement.GetProperty("links").GetProperty("next").ValueKind);
    }

    [Fact]
    public void CreateDocument_WithoutId_OmitsIdAndNulls()
    {
        var document = new JsonApiDocument<Device>
        {
            Data = new Device
            {
                Type = "Device",
                Attributes = new DeviceAttributes { Name = "Boiler", SerialNumber = "7" },
                Relationships = new Dictionary<string, JsonApiRelationship> { ["hasLocation"] = JsonApiRelationship.ToOne("Room", "r1") },
            },
        };

        var json = JsonSerializer.Serialize(document, BuildingXJsonContext.Default.DeviceDocument);

        Assert.Equal(
            """{"data":{"attributes":{"name":"Boiler","serialNumber":"7"},"type":"Device","relationships":{"hasLocation":{"data":{"type":"Room","id":"r1"}}}}}""",
            json);
    }

    [Fact]
    public void RelationshipData_InvalidShape_IsJsonException()
    {
        const string json = """{"data":{"type":"Device","id":"d","relationships":{"x":{"data":"oops"}}}}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, BuildingXJsonContext.Default.DeviceDocument));
    }

    [Fact]
    public void PointValues_ParseTimestampAndAnyValueKind()
    {
        const string json = """
            {"data":[{"type":"PointValue","id":"p:1","attributes":{"timestamp":"2026-01-01T10:15:00Z","value":21.5}},
                     {"type":"PointValue","id":"p:2","attributes":{"timestamp":"2026-01-01T10:30:00.5+01:00","value":true,"quality":"good"}}]}
            """;

        var values = JsonSerializer.Deserialize(json, BuildingXJsonContext.Default.PointValueListDocument)!.Data!;

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 15, 0, TimeSpan.Zero), values[0].Attributes!.Timestamp);
        Assert.Equal(21.5, values[0].Attributes!.Value!.Value.GetDouble());
        Assert.True(values[1].Attributes!.Value!.Value.GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 30, 0, 500, TimeSpan.Zero), values[1].Attributes!.Timestamp);
        Assert.Equal("good", values[1].Attributes!.AdditionalProperties!["quality"].GetString());
    }
}
