using System.Text.Json;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Models;

/// <summary>
/// The entity shapes of the vendor's public Lifecycle Twin pages beyond the querying doc parse into the typed models:
/// reference objects (<c>OwnerOrganization</c>, <c>Parent</c>, <c>Category</c>) and a document's <c>Files</c>.
/// </summary>
public class PublishedEntityExamplesTests
{
    // developer.siemens.com/building-x-openness/api/lifecycletwin-api/guide/create.html, "Request Body" (verbatim).
    private const string CreateSiteBody = """
        {
            "Name": "My Project",
            "Latitude": 57,
            "Longitude": 13,
            "OwnerOrganization": {
                "Id": "bb601d80-0c8d-4a4d-bece-230ad4b12d9c"
            },
            "LeadOrganization": {
                "Id": "bb601d80-0c8d-4a4d-bece-230ad4b12d9c"
            },
            "Location": {
                "Id": "af9d605a-fae6-4ed4-b123-d37dea32f0c3"
            }
        }
        """;

    // .../lifecycletwin-api/examples/documents/create-document.html, "Example of the Document JSON" (verbatim).
    private const string CreateDocumentJson = """
        {
          "Name": "2012-03-23-Duplex-Programming.xlsx",

          "Parent": {
            "Id": "723d3996-6b6d-4429-93bc-0d9bb4472e31"
          },

          "Files": [
            {
              "Size": 158064,

              "Name": "2012-03-23-Duplex-Programming.xlsx",

              "ContentType": "application/octet-stream"
            }
          ]
        }
        """;

    // .../lifecycletwin-api/examples/documents/modify-document.html, "Example" (verbatim).
    private const string ModifyDocumentJson = """
        {
            "Id": "841054dd-ce63-4e93-b176-0753ff2ec1eb",
            "Name": "2012-03-23-Duplex-Programming.xlsx",
            "Category": {
                "Id": "734e44c5-fcf8-e011-b8c2-00101832264b"
            }
        }
        """;

    [Fact]
    public void Site_CreateExample_OwnerOrganizationIsAReference()
    {
        var site = JsonSerializer.Deserialize(CreateSiteBody, LifecycleTwinJsonContext.Default.Site)!;

        Assert.Equal("My Project", site.Name);
        Assert.Equal(57, site.Latitude);
        Assert.Equal(13, site.Longitude);
        Assert.Equal("bb601d80-0c8d-4a4d-bece-230ad4b12d9c", site.OwnerOrganization!.Id);
        Assert.Equal("af9d605a-fae6-4ed4-b123-d37dea32f0c3", site.Location!.Id);
        Assert.Equal("bb601d80-0c8d-4a4d-bece-230ad4b12d9c", site.AdditionalProperties!["LeadOrganization"].GetProperty("Id").GetString());
    }

    [Fact]
    public void Document_CreateExample_ReadsParentAndFiles()
    {
        var document = JsonSerializer.Deserialize(CreateDocumentJson, LifecycleTwinJsonContext.Default.Document)!;

        Assert.Equal("2012-03-23-Duplex-Programming.xlsx", document.Name);
        Assert.Equal("723d3996-6b6d-4429-93bc-0d9bb4472e31", document.Parent!.Id);
        var file = Assert.Single(document.Files!);
        Assert.Equal(158064, file.Size);
        Assert.Equal("2012-03-23-Duplex-Programming.xlsx", file.Name);
        Assert.Equal("application/octet-stream", file.ContentType);
        Assert.Null(document.AdditionalProperties);
    }

    [Fact]
    public void Document_ModifyExample_ReadsCategory()
    {
        var document = JsonSerializer.Deserialize(ModifyDocumentJson, LifecycleTwinJsonContext.Default.Document)!;

        Assert.Equal("841054dd-ce63-4e93-b176-0753ff2ec1eb", document.Id);
        Assert.Equal("734e44c5-fcf8-e011-b8c2-00101832264b", document.Category!.Id);
        Assert.Null(document.AdditionalProperties);
    }
}
