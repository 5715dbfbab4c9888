using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Documents of a site: <c>/api/documents</c> (site-scoped: sends the <c>projectid</c> header).</summary>
public interface IDocumentsClient
{
    /// <summary>Lists the documents of a site, walking all pages lazily.</summary>
    /// <param name="query">Select, filter and sort; paging is done by the SDK. Without a selection <see cref="DefaultSelections.Document"/> is sent; without a sort, <c>{"Id": "ascending"}</c>.</param>
    /// <param name="projectId">Site id; defaults to <see cref="LifecycleTwinOptions.ProjectId"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The documents.</returns>
    /// <exception cref="ArgumentException">No project id was given or configured.</exception>
    AsyncPageable<Document> GetDocumentsAsync(LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one document by id.</summary>
    /// <param name="id">The document id.</param>
    /// <param name="query">Field selection (its filter, sort and page are not sent: they apply to lists); without one <see cref="DefaultSelections.Document"/> is sent.</param>
    /// <param name="projectId">Site id; defaults to <see cref="LifecycleTwinOptions.ProjectId"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The document.</returns>
    /// <exception cref="Core.DigitalTwinNotFoundException">No such document.</exception>
    Task<Document> GetDocumentAsync(string id, LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default);
}
