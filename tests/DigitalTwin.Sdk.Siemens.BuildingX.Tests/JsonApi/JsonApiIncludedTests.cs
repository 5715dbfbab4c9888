using System.Text.Json;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.JsonApi;

public sealed class JsonApiIncludedTests
{
    private const string Json = """
        {
          "data": [
            { "type": "Device", "id": "d1", "attributes": { "name": "A" },
              "relationships": { "hasLocation": { "data": { "type": "Room", "id": "r1" } },
                                 "hasFeatures": { "data": [ { "type": "DeviceInfo", "id": "f1" }, { "type": "Other", "id": "o1" } ] } } },
            { "type": "Device", "id": "d2", "attributes": { "name": "B" },
              "relationships": { "hasLocation": { "data": { "type": "Room", "id": "r2" } } } }
          ],
          "included": [
            { "type": "Room", "id": "r1", "attributes": { "label": "Room 101" }, "relationships": { "isPartOf": { "data": { "type": "Floor", "id": "fl1" } } } },
            { "type": "Floor", "id": "fl1", "attributes": { "label": "Floor 1" }, "relationships": { "isPartOf": { "data": { "type": "Building", "id": "b1" } } } },
            { "type": "Building", "id": "b1", "attributes": { "label": "Building A" } },
            { "type": "DeviceInfo", "id": "f1", "attributes": { "manufacturer": "Siemens", "model": "PXC7", "firmwareVersion": "3.1" } },
            { "type": "Other", "id": "o1", "attributes": { } }
          ]
        }
        """;

    [Fact]
    public void Resolve_ToOneRelationship_FindsIncludedResource()
    {
        var devices = Parse();

        var room = Assert.Single(devices[0].GetRelated("hasLocation"));

        Assert.Equal("Room 101", room.Attributes.GetProperty("label").GetString());
    }

    [Fact]
    public void Resolve_PathEndingInType_FiltersToThatType()
    {
        var devices = Parse();

        var features = devices[0].GetRelated("hasFeatures");
        var info = devices[0].GetDeviceInfo();

        Assert.Equal(2, features.Count);
        Assert.NotNull(info);
        Assert.Equal("PXC7", info.Attributes!.Model);
        Assert.Null(devices[1].GetDeviceInfo());
    }

    [Fact]
    public void Resolve_MultiLevelPath_FollowsRelationshipsOfIncludedResources()
    {
        var devices = Parse();

        var building = Assert.Single(devices[0].GetRelated("hasLocation.isPartOf.isPartOf"));
        var typedFloor = Assert.Single(devices[0].GetRelated("hasLocation.isPartOf", BuildingXJsonContext.Default.Location));

        Assert.Equal("Building A", building.Attributes.GetProperty("label").GetString());
        Assert.Equal("Floor 1", typedFloor.Attributes!.Label);
        Assert.Equal("b1", typedFloor.ParentId);
        Assert.Equal("Building A", Assert.Single(typedFloor.GetRelated("isPartOf")).Attributes.GetProperty("label").GetString());
    }

    [Fact]
    public void Resolve_NotIncludedOrUnknown_IsEmpty()
    {
        var devices = Parse();
        var withoutIncluded = JsonSerializer.Deserialize(Json, BuildingXJsonContext.Default.DeviceListDocument)!.Data!;

        Assert.Empty(devices[1].GetRelated("hasLocation"));
        Assert.Empty(devices[0].GetRelated("nothing"));
        Assert.Empty(withoutIncluded[0].GetRelated("hasLocation"));
        Assert.Throws<ArgumentException>(() => devices[0].GetRelated(" "));
    }

    [Fact]
    public void TryFind_DuplicateIncluded_KeepsFirst()
    {
        var first = new JsonApiResource<JsonElement> { Type = "Room", Id = "r", Attributes = JsonDocument.Parse("""{"n":1}""").RootElement };
        var second = first with { Attributes = JsonDocument.Parse("""{"n":2}""").RootElement };
        var index = new JsonApiIncluded([first, second]);

        Assert.True(index.TryFind(new JsonApiResourceIdentifier("Room", "r"), out var found));
        Assert.Equal(1, found.Attributes.GetProperty("n").GetInt32());
        Assert.Single(index.Resources);
        Assert.False(index.TryFind(new JsonApiResourceIdentifier("Floor", "r"), out _));
    }

    private static IReadOnlyList<Device> Parse()
    {
        var document = JsonSerializer.Deserialize(Json, BuildingXJsonContext.Default.DeviceListDocument)!;
        return JsonApiIncluded.Attach(document.Data!, document.Included);
    }
}
