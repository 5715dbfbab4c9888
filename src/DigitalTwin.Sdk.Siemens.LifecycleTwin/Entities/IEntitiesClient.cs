using System.Text.Json;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Escape hatch for entity types the SDK has not modelled (e.g. <c>locations</c>, <c>systems</c>, <c>spaces</c>).</summary>
public interface IEntitiesClient
{
    /// <summary>Lists entities of any type as raw JSON, walking all pages lazily.</summary>
    /// <param name="entityPath">Path below <c>/api/</c>, e.g. <c>systems</c>.</param>
    /// <param name="query">Select, filter and sort. Without a selection <see cref="DefaultSelections.Entity"/> (<c>{"Id", "Name"}</c>) is sent; without a sort, <c>{"Id": "ascending"}</c>.</param>
    /// <param name="projectId">Site id for site-scoped entities; defaults to <see cref="LifecycleTwinOptions.ProjectId"/>.</param>
    /// <param name="siteScoped">Whether the entity is site-scoped (sends <c>projectid</c>).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entities.</returns>
    AsyncPageable<JsonElement> GetEntitiesAsync(string entityPath, LifecycleTwinQuery? query = null, string? projectId = null, bool siteScoped = true, CancellationToken cancellationToken = default);

    /// <summary>Gets one entity of any type by id as raw JSON.</summary>
    /// <param name="entityPath">Path below <c>/api/</c>, e.g. <c>systems</c>.</param>
    /// <param name="id">Entity id.</param>
    /// <param name="query">Field selection (its filter, sort and page are not sent: they apply to lists); without one <see cref="DefaultSelections.Entity"/> is sent.</param>
    /// <param name="projectId">Site id for site-scoped entities; defaults to <see cref="LifecycleTwinOptions.ProjectId"/>.</param>
    /// <param name="siteScoped">Whether the entity is site-scoped (sends <c>projectid</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entity.</returns>
    Task<JsonElement> GetEntityAsync(string entityPath, string id, LifecycleTwinQuery? query = null, string? projectId = null, bool siteScoped = true, CancellationToken cancellationToken = default);
}
