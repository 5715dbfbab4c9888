using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Models;

public class AssetTests
{
    // Every field of the emulator schema (LT-WIRE.md), the three custom field value kinds, and unknown fields at each level.
    private const string AssetsResponse = """
        [
          {
            "Id": "a1b2c3d4-0000-4000-8000-000000000001",
            "Name": "ISB-020-000--000_1000319",
            "Description": "Pump 100W - 277V",
            "ProjectId": "2f4978fe-ab1c-4d66-be94-2086d0887a86",
            "SerialNumber": "SN-0001",
            "Quantity": 2.50,
            "InstallationDate": "2021-05-04T00:00:00Z",
            "CreatedOn": "2022-10-18T14:32:17.023Z",
            "Location": { "Id": "4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236", "Name": "Room 1.01", "Floor": 1 },
            "Systems": [
              { "Id": "b7da56c7-f498-40f7-9104-80ba51cd62ba", "Name": "HVAC" },
              { "Id": "c7da56c7-f498-40f7-9104-80ba51cd62bb", "Name": "Lighting", "Color": "yellow" }
            ],
            "ModelObjects": [ { "ObjectId": "41958798-cb80-4c0b-bfaf-63e53192c615-0007b076", "ModelId": 7 } ],
            "CustomFields": [
              { "Id": "4be891a7-58c8-4f14-8b5b-e878fe3016f3", "Name": "Power", "Value": 3 },
              { "Id": "5be891a7-58c8-4f14-8b5b-e878fe3016f3", "Name": "Vendor", "Value": "ACME" },
              { "Id": "6be891a7-58c8-4f14-8b5b-e878fe3016f3", "Name": "Certified", "Value": true, "Unit": null }
            ],
            "Barcode": "0123456789"
          },
          { "Id": "a1b2c3d4-0000-4000-8000-000000000002" }
        ]
        """;

    [Fact]
    public void Deserialize_FullAsset_ReadsEveryTypedField()
    {
        var assets = JsonSerializer.Deserialize(AssetsResponse, LifecycleTwinJsonContext.Default.ListAsset)!;

        Assert.Equal(2, assets.Count);
        var asset = assets[0];
        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000001", asset.Id);
        Assert.Equal("ISB-020-000--000_1000319", asset.Name);
        Assert.Equal("Pump 100W - 277V", asset.Description);
        Assert.Equal("2f4978fe-ab1c-4d66-be94-2086d0887a86", asset.ProjectId);
        Assert.Equal("SN-0001", asset.SerialNumber);
        Assert.Equal(2.50m, asset.Quantity);
        Assert.Equal(new DateTimeOffset(2021, 5, 4, 0, 0, 0, TimeSpan.Zero), asset.InstallationDate);
        Assert.Equal(new DateTimeOffset(2022, 10, 18, 14, 32, 17, 23, TimeSpan.Zero), asset.CreatedOn);
        Assert.Equal("4dc758d7-ab1c-4f4b-bd42-fd95c3cd8236", asset.Location!.Id);
        Assert.Equal("Room 1.01", asset.Location.Name);

        Assert.Equal(2, asset.Systems!.Count);
        Assert.Equal("b7da56c7-f498-40f7-9104-80ba51cd62ba", asset.Systems[0].Id);
        Assert.Equal("HVAC", asset.Systems[0].Name);
        Assert.Equal("Lighting", asset.Systems[1].Name);

        var modelObject = Assert.Single(asset.ModelObjects!);
        Assert.Equal("41958798-cb80-4c0b-bfaf-63e53192c615-0007b076", modelObject.ObjectId);

        Assert.Equal(3, asset.CustomFields!.Count);
        Assert.Equal("4be891a7-58c8-4f14-8b5b-e878fe3016f3", asset.CustomFields[0].Id);
        Assert.Equal("Power", asset.CustomFields[0].Name);
        Assert.Equal(JsonValueKind.Number, asset.CustomFields[0].Value!.Value.ValueKind);
        Assert.Equal(3m, asset.CustomFields[0].Value!.Value.GetDecimal());
        Assert.Equal("ACME", asset.CustomFields[1].Value!.Value.GetString());
        Assert.True(asset.CustomFields[2].Value!.Value.GetBoolean());
    }

    [Fact]
    public void Deserialize_SparseAsset_LeavesUnselectedFieldsNull()
    {
        var asset = JsonSerializer.Deserialize(AssetsResponse, LifecycleTwinJsonContext.Default.ListAsset)![1];

        Assert.Equal("a1b2c3d4-0000-4000-8000-000000000002", asset.Id);
        Assert.Null(asset.Name);
        Assert.Null(asset.Quantity);
        Assert.Null(asset.Location);
        Assert.Null(asset.Systems);
        Assert.Null(asset.ModelObjects);
        Assert.Null(asset.CustomFields);
        Assert.Null(asset.AdditionalProperties);
    }

    [Fact]
    public void Deserialize_UnknownFields_AreKeptAtEveryLevel()
    {
        var asset = JsonSerializer.Deserialize(AssetsResponse, LifecycleTwinJsonContext.Default.ListAsset)![0];

        Assert.Equal("0123456789", asset.AdditionalProperties!["Barcode"].GetString());
        Assert.Equal(1, asset.Location!.AdditionalProperties!["Floor"].GetInt32());
        Assert.Null(asset.Systems![0].AdditionalProperties);
        Assert.Equal("yellow", asset.Systems[1].AdditionalProperties!["Color"].GetString());
        Assert.Equal(7, asset.ModelObjects![0].AdditionalProperties!["ModelId"].GetInt32());
        Assert.Equal(JsonValueKind.Null, asset.CustomFields![2].AdditionalProperties!["Unit"].ValueKind);
    }

    [Fact]
    public void Serialize_AfterDeserialize_ProducesTheSameJson()
    {
        var assets = JsonSerializer.Deserialize(AssetsResponse, LifecycleTwinJsonContext.Default.ListAsset)!;

        var written = JsonSerializer.Serialize(assets, LifecycleTwinJsonContext.Default.ListAsset);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(AssetsResponse), JsonNode.Parse(written)), written);
        Assert.Contains("\"Quantity\":2.50", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructed_AssetWithCollections_Serializes()
    {
        using var value = JsonDocument.Parse("42.5");
        var asset = new Asset
        {
            Id = "a1",
            Systems = [new EntityReference { Id = "s1" }],
            ModelObjects = [new ModelObjectReference { ObjectId = "o1" }],
            CustomFields = [new CustomFieldValue { Id = "c1", Value = value.RootElement.Clone() }],
        };

        var written = JsonSerializer.Serialize(asset, LifecycleTwinJsonContext.Default.Asset);

        Assert.Equal(
            "{\"Id\":\"a1\",\"Systems\":[{\"Id\":\"s1\"}],\"ModelObjects\":[{\"ObjectId\":\"o1\"}],\"CustomFields\":[{\"Id\":\"c1\",\"Value\":42.5}]}",
            written);
    }
}
