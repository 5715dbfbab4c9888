using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Documents of a site over <see cref="IDocumentsApi"/> (site-scoped: sends the <c>projectid</c> header).</summary>
internal sealed class DocumentsClient(ResourceReader reader, IDocumentsApi api) : IDocumentsClient
{
    public AsyncPageable<Document> GetDocumentsAsync(LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default)
    {
        var project = reader.ResolveProject(projectId);
        return reader.List(
            query,
            DefaultSelections.Document,
            LifecycleTwinJsonContext.Default.ListDocument,
            (h, ct) => api.GetDocumentsAsync(reader.ClientName, project, h.Select, h.Filter, h.Sort, h.Pagination, h.Other, "GetDocuments", ct),
            cancellationToken);
    }

    public Task<Document> GetDocumentAsync(string id, LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var project = reader.ResolveProject(projectId);
        return reader.GetAsync(
            "documents",
            id,
            query,
            DefaultSelections.Document,
            LifecycleTwinJsonContext.Default.Document,
            LifecycleTwinJsonContext.Default.ListDocument,
            (h, ct) => api.GetDocumentAsync(id, reader.ClientName, project, h.Select, h.Filter, h.Sort, h.Pagination, h.Other, "GetDocument", ct),
            cancellationToken);
    }
}
