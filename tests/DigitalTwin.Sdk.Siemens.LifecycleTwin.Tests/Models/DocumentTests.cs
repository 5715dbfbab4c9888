using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Models;

public class DocumentTests
{
    private const string DocumentsResponse = """
        [
          {
            "Id": "d0c00000-0000-4000-8000-000000000001",
            "Name": "O&M manual",
            "FileName": "manual.pdf",
            "ContentType": "application/pdf",
            "Size": 3145728000,
            "CreatedOn": "2022-10-18T14:32:17.1Z",
            "ProjectId": "2f4978fe-ab1c-4d66-be94-2086d0887a86",
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
        Assert.Equal("manual.pdf", document.FileName);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(3_145_728_000L, document.Size);
        Assert.Equal(new DateTimeOffset(2022, 10, 18, 14, 32, 17, 100, TimeSpan.Zero), document.CreatedOn);
        Assert.Equal("2f4978fe-ab1c-4d66-be94-2086d0887a86", document.ProjectId);
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
        var document = JsonSerializer.Deserialize("{\"Id\":\"d1\",\"Size\":0}", LifecycleTwinJsonContext.Default.Document)!;

        Assert.Equal(new Document { Id = "d1", Size = 0 }, document);
    }
}
