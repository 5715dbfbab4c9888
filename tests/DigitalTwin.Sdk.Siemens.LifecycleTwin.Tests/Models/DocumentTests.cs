using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Models;

public class DocumentTests
{
    private const string DocumentsResponse = """
        [
          {
            "Id": "d0c00000-0000-4000-8000-000000000001",
            "Name": "O&M manual",
            "IsFolder": false,
            "Parent": { "Id": "723d3996-6b6d-4429-93bc-0d9bb4472e31", "Name": "Manuals" },
            "Files": [ { "Id": "f1", "Name": "manual.pdf", "Size": 3145728000, "ContentType": "application/pdf", "SourceType": 0 } ],
            "Category": { "Id": "734e44c5-fcf8-e011-b8c2-00101832264b" },
            "CreatedOn": "2022-10-18T14:32:17.1Z",
            "ModifiedOn": "2022-10-19T08:00:00Z",
            "Revision": 4
          }
        ]
        """;

    [Fact]
    public void Deserialize_ReadsEveryField()
    {
        var document = Assert.Single(JsonSerializer.Deserialize(DocumentsResponse, LifecycleTwinJsonContext.Default.ListDocument)!);

        Assert.Equal("d0c00000-0000-4000-8000-000000000001", document.Id);
        Assert.Equal("O&M manual", document.Name);
        Assert.False(document.IsFolder);
        Assert.Equal("723d3996-6b6d-4429-93bc-0d9bb4472e31", document.Parent!.Id);
        Assert.Equal("Manuals", document.Parent.Name);
        var file = Assert.Single(document.Files!);
        Assert.Equal("f1", file.Id);
        Assert.Equal("manual.pdf", file.Name);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(3_145_728_000L, file.Size);
        Assert.Equal(0, file.SourceType);
        Assert.Equal("734e44c5-fcf8-e011-b8c2-00101832264b", document.Category!.Id);
        Assert.Equal(new DateTimeOffset(2022, 10, 18, 14, 32, 17, 100, TimeSpan.Zero), document.CreatedOn);
        Assert.Equal(new DateTimeOffset(2022, 10, 19, 8, 0, 0, TimeSpan.Zero), document.ModifiedOn);
        Assert.Equal(4, document.AdditionalProperties!["Revision"].GetInt32());
    }

    [Fact]
    public void Serialize_AfterDeserialize_ProducesTheSameJson()
    {
        var documents = JsonSerializer.Deserialize(DocumentsResponse, LifecycleTwinJsonContext.Default.ListDocument)!;

        var written = JsonSerializer.Serialize(documents, LifecycleTwinJsonContext.Default.ListDocument);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(DocumentsResponse), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Deserialize_SingleObject_Works()
    {
        var document = JsonSerializer.Deserialize("{\"Id\":\"d1\",\"IsFolder\":true}", LifecycleTwinJsonContext.Default.Document)!;

        Assert.Equal(new Document { Id = "d1", IsFolder = true }, document);
    }
}
