using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.Twins;

public sealed class TandemTwinTests
{
    private static TandemTwin Parse(string json) => JsonSerializer.Deserialize(json, TandemJsonContext.Default.TandemTwin)!;

    [Fact]
    public void Deserialize_DocExample_TopLevelFields()
    {
        var twin = Parse(DocExamples.GetTwin);

        Assert.Equal(TandemAccessLevel.Owner, twin.AccessLevel);
        Assert.True(twin.AccessLevel!.Value.IsOwner);
        Assert.Null(twin.AccessLevel.Value.Code);
        Assert.Equal("urn:adsk.dtg:ysqziKwTSCejQaUVfqj32Q", twin.AccountGroup);
        Assert.Equal("free", twin.AccountType);
        Assert.False(twin.BoundByUpperFloor);
        Assert.False(twin.SkipRoomBounders);
        Assert.Equal(new DateTimeOffset(2022, 5, 24, 23, 45, 9, TimeSpan.Zero), twin.DateCreated);
        Assert.Equal(new DateTimeOffset(2023, 7, 26, 7, 46, 43, TimeSpan.Zero), twin.DateModified);
        Assert.Equal("1690357603997", twin.Etag);
        Assert.Null(twin.Handover);
        Assert.Null(twin.SchemaVersion);
        Assert.Null(twin.ThumbnailLastUpdate);
        Assert.Empty(twin.AdditionalProperties);
    }

    [Fact]
    public void Deserialize_DocExample_Links()
    {
        var twin = Parse(DocExamples.GetTwin);

        Assert.Equal(4, twin.Links.Count);
        Assert.Equal(
            ["R21 Mill Building - Elec.rvt", "R21 Mill Building - Mech.rvt", "R21 Mill Building - Arch.rvt", ""],
            twin.Links.Select(l => l.Label));
        Assert.Equal(
            ["urn:adsk.dtm:fTIXhuewSxuROOMTHC5yUQ", "urn:adsk.dtm:mNn_ajmuR96t-hIQLa47eQ", "urn:adsk.dtm:k5ZZZkIYQ9ixvxFDVBNoTg", "urn:adsk.dtm:d5eZt_XtRzqUHT93-vNZxw"],
            twin.Links.Select(l => l.ModelId));
        Assert.All(twin.Links, l =>
        {
            Assert.Null(l.Disciplines);
            Assert.True(l.On);
            Assert.Equal(TandemAccessLevel.Owner, l.AccessLevel);
        });
        Assert.Equal([false, false, true, false], twin.Links.Select(l => l.Main));
        Assert.Equal("urn:adsk.dtm:k5ZZZkIYQ9ixvxFDVBNoTg", twin.MainModel!.ModelId);
    }

    [Fact]
    public void Deserialize_DocExample_Docs()
    {
        var twin = Parse(DocExamples.GetTwin);

        Assert.Equal(4, twin.Docs.Count);
        var first = twin.Docs[0];
        Assert.Equal("urn:adsk.dtd:4uY1NEJjTpGiuG9kGMLG7w", first.Id);
        Assert.Equal("application/pdf", first.ContentType);
        Assert.Equal("d5eZt_XtRzqUHT93-vNZxw/e2e63534-4263-4e91-a2b8-6f6418c2c6ef/v0", first.S3Path);
        Assert.Equal(new DateTimeOffset(2022, 5, 31, 17, 0, 45, TimeSpan.Zero), first.LastUpdated);
        Assert.Equal(
            new Uri("https://tandem.autodesk.com/api/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw/documents/urn:adsk.dtd:4uY1NEJjTpGiuG9kGMLG7w/content?lastupdated=1654016445"),
            first.SignedLink);
        Assert.Equal("schlage_warranty.pdf", first.Name);
        Assert.Equal("b.510b9020-0be4-4a1e-abae-8da3e438955d", first.AccProjectId);
        Assert.Equal("b.485ec674-e1cf-48cf-9aff-022376591171", first.AccAccountId);
        Assert.Equal("urn:adsk.wipprod:dm.lineage:Rog3z9MoRmuf80HmcKXWoA", first.AccLineage);
        Assert.Equal("urn:adsk.wipprod:fs.file:vf.Rog3z9MoRmuf80HmcKXWoA?version=1", first.AccVersion);
        Assert.Null(first.Label);
        Assert.Null(first.UploadPending);
        Assert.Equal(
            ["schlage_warranty.pdf", "301-1070D_KS_8013D-1160.pdf", "300-1.3_KS-SKS_Catalog.pdf", "Brochure - Fleet&Network.pdf"],
            twin.Docs.Select(d => d.Name));
    }

    [Fact]
    public void Deserialize_DocExample_PropsWithSpacesInKeys()
    {
        var twin = Parse(DocExamples.GetTwin);

        Assert.Equal(["Identity Data", "Other"], twin.Props.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1 Market St #500, San Francisco, CA 94105", twin.GetProperty("Identity Data", "Address"));
        Assert.Equal("Mill", twin.GetProperty("Identity Data", "Building Name"));
        Assert.Equal("Mr. X", twin.GetProperty("Identity Data", "Owner"));
        Assert.Equal("Autodesk Samples", twin.GetProperty("Identity Data", "Project Name"));
        Assert.Equal(string.Empty, twin.GetProperty("Other", "Project Number"));
        Assert.Null(twin.GetProperty("Other", "Missing"));
        Assert.Null(twin.GetProperty("Missing", "Owner"));
    }

    [Fact]
    public void Deserialize_DocExample_Template()
    {
        var template = Parse(DocExamples.GetTwin).Template!;

        Assert.Equal("yxAF6Ja-St-Hz85F0A4pGA", template.Uuid);
        Assert.Equal("Uniclass - ExternalIDs", template.Name);
        Assert.Equal("Used to test Maximo and other integrations", template.Description);
        Assert.Equal("uniclass", template.ClassificationId);
        Assert.Equal(["yxAF6Ja-St-Hz85F0A4pGA"], template.PsetIds);
    }

    [Fact]
    public void Deserialize_SchemaFieldsAbsentFromExample_AreRead()
    {
        const string json = """
            {
              "accessLevel": 3,
              "schemaVersion": 2,
              "thumbnailLastUpdate": 1690357603997,
              "handover": { "receiverId": "R1", "receiverName": "Receiver Inc.", "twinId": "urn:adsk.dtt:abc" },
              "docs": [ { "id": "urn:adsk.dtd:x", "label": "Warranty", "uploadPending": true } ],
              "links": [ { "modelId": "urn:adsk.dtm:abc", "accessLevel": 3, "disciplines": ["Architecture", "Mechanical"] } ],
              "futureField": { "a": 1 }
            }
            """;

        var twin = Parse(json);

        Assert.Equal(3, twin.AccessLevel!.Value.Code);
        Assert.Null(twin.AccessLevel.Value.Name);
        Assert.Equal(2, twin.SchemaVersion);
        Assert.Equal(1690357603997, twin.ThumbnailLastUpdate);
        Assert.Equal("Receiver Inc.", twin.Handover!.ReceiverName);
        Assert.Equal("R1", twin.Handover.ReceiverId);
        Assert.Equal("urn:adsk.dtt:abc", twin.Handover.TwinId);
        Assert.Equal("Warranty", twin.Docs[0].Label);
        Assert.True(twin.Docs[0].UploadPending);
        Assert.Equal(["Architecture", "Mechanical"], twin.Links[0].Disciplines!);
        Assert.Equal(JsonValueKind.Object, twin.AdditionalProperties["futureField"].ValueKind);
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsAccessLevelFormAndUnknownFields()
    {
        var twin = Parse(DocExamples.GetTwin);
        twin.AdditionalProperties["x"] = JsonDocument.Parse("7").RootElement;

        var json = JsonSerializer.Serialize(twin, TandemJsonContext.Default.TandemTwin);
        using var doc = JsonDocument.Parse(json);

        Assert.Equal("Owner", doc.RootElement.GetProperty("accessLevel").GetString());
        Assert.Equal(7, doc.RootElement.GetProperty("x").GetInt32());
        Assert.Equal("Mill", doc.RootElement.GetProperty("props").GetProperty("Identity Data").GetProperty("Building Name").GetString());
    }

    [Fact]
    public void Deserialize_AccessLevelOfWrongKind_Throws()
    {
        Assert.Throws<JsonException>(() => Parse("""{ "accessLevel": true }"""));
    }

    [Fact]
    public void Deserialize_TwinsKeyedByUrn_ParsesEachTwin()
    {
        var json = "{\"urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw\":" + DocExamples.GetTwin + "}";

        var twins = JsonSerializer.Deserialize(json, TandemJsonContext.Default.DictionaryStringTandemTwin)!;

        Assert.Equal("Mill", Assert.Single(twins).Value.GetProperty("Identity Data", "Building Name"));
    }

    [Fact]
    public void DeserializeViews_SampleFields_TypedAndTheRestKept()
    {
        // Fields of autodesk-tandem/tutorial-rest views/create-level-views.js; author's JSON type is not shown anywhere, so an
        // object is kept as its JSON text rather than failing the read.
        const string json = """
            [{"id":"v1","viewName":"Home","label":"","author":"3XVSL72JL2U5","createTime":"2024-03-26T10:15:00.000Z","version":2,"camera":{"fov":45}},
             {"id":"v2","viewName":"Level 1","label":"LEVELS","author":{"id":"3XVSL72JL2U5"},"version":2}]
            """;

        var views = JsonSerializer.Deserialize(json, TandemJsonContext.Default.IReadOnlyListTwinView)!;

        Assert.Equal("Home", views[0].ViewName);
        Assert.Equal("3XVSL72JL2U5", views[0].Author);
        Assert.Equal(new DateTimeOffset(2024, 3, 26, 10, 15, 0, TimeSpan.Zero), views[0].CreateTime);
        Assert.Equal(2, views[0].Version);
        Assert.True(views[0].AdditionalProperties.ContainsKey("camera"));
        Assert.Equal("""{"id":"3XVSL72JL2U5"}""", views[1].Author);
        Assert.Equal("LEVELS", views[1].Label);
    }
}
