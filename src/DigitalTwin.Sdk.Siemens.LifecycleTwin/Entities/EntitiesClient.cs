using System.Text.Json;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Escape hatch for entity types the SDK has not modelled, over <see cref="IEntitiesApi"/>.</summary>
internal sealed class EntitiesClient(ResourceReader reader, IEntitiesApi api) : IEntitiesClient
{
    public AsyncPageable<JsonElement> GetEntitiesAsync(string entityPath, LifecycleTwinQuery? query = null, string? projectId = null, bool siteScoped = true, CancellationToken cancellationToken = default)
    {
        var path = ResourceReader.ValidatePath(entityPath, nameof(entityPath));
        var project = siteScoped ? reader.ResolveProject(projectId) : null;
        return reader.List(
            query,
            DefaultSelections.Entity,
            LifecycleTwinJsonContext.Default.ListJsonElement,
            (h, ct) => api.GetEntitiesAsync(path, reader.ClientName, project, h.Select, h.Filter, h.Sort, h.Pagination, h.Other, "GetEntities", ct),
            cancellationToken);
    }

    public Task<JsonElement> GetEntityAsync(string entityPath, string id, LifecycleTwinQuery? query = null, string? projectId = null, bool siteScoped = true, CancellationToken cancellationToken = default)
    {
        var path = ResourceReader.ValidatePath(entityPath, nameof(entityPath));
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var project = siteScoped ? reader.ResolveProject(projectId) : null;
        return reader.GetAsync(
            path,
            id,
            query,
            DefaultSelections.Entity,
            LifecycleTwinJsonContext.Default.JsonElement,
            LifecycleTwinJsonContext.Default.ListJsonElement,
            (h, ct) => api.GetEntityAsync(path, id, reader.ClientName, project, h.Select, h.Filter, h.Sort, h.Pagination, h.Other, "GetEntity", ct),
            cancellationToken);
    }
}
