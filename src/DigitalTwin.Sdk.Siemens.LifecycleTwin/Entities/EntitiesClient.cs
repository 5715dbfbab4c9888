using System.Text.Json;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Internal;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Query;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Entities;

/// <summary>Escape hatch for entity types the SDK has not modelled.</summary>
public class EntitiesClient : IEntitiesClient
{
    private readonly ResourceReader? _reader;

    internal EntitiesClient(ResourceReader reader) => _reader = reader;

    /// <summary>Initializes an instance for mocking.</summary>
    protected EntitiesClient()
    {
    }

    private ResourceReader Reader => _reader ?? throw new InvalidOperationException("This instance was created for mocking.");

    /// <inheritdoc />
    public virtual AsyncPageable<JsonElement> GetEntitiesAsync(string entityPath, LifecycleTwinQuery? query = null, string? projectId = null, bool siteScoped = true, CancellationToken cancellationToken = default) =>
        Reader.List(entityPath, siteScoped, projectId, query, DefaultSelections.Entity, LifecycleTwinJsonContext.Default.ListJsonElement, "GetEntities", cancellationToken);

    /// <inheritdoc />
    public virtual Task<JsonElement> GetEntityAsync(string entityPath, string id, LifecycleTwinQuery? query = null, string? projectId = null, bool siteScoped = true, CancellationToken cancellationToken = default) =>
        Reader.GetAsync(entityPath, id, siteScoped, projectId, query, DefaultSelections.Entity, LifecycleTwinJsonContext.Default.JsonElement, LifecycleTwinJsonContext.Default.ListJsonElement, "GetEntity", cancellationToken);
}
