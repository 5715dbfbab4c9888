using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Internal;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Query;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Documents;

/// <summary>Documents of a site: <c>/api/documents</c> (site-scoped: sends the <c>projectid</c> header).</summary>
public class DocumentsClient : IDocumentsClient
{
    private readonly ResourceReader? _reader;

    internal DocumentsClient(ResourceReader reader) => _reader = reader;

    /// <summary>Initializes an instance for mocking.</summary>
    protected DocumentsClient()
    {
    }

    private ResourceReader Reader => _reader ?? throw new InvalidOperationException("This instance was created for mocking.");

    /// <inheritdoc />
    public virtual AsyncPageable<Document> GetDocumentsAsync(LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default) =>
        Reader.List("documents", siteScoped: true, projectId, query, DefaultSelections.Document, LifecycleTwinJsonContext.Default.ListDocument, "GetDocuments", cancellationToken);

    /// <inheritdoc />
    public virtual Task<Document> GetDocumentAsync(string id, LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default) =>
        Reader.GetAsync("documents", id, siteScoped: true, projectId, query, DefaultSelections.Document, LifecycleTwinJsonContext.Default.Document, LifecycleTwinJsonContext.Default.ListDocument, "GetDocument", cancellationToken);
}
