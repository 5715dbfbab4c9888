using System.Text.Json;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Generic JSON:API access over <see cref="IResourcesApi"/>.</summary>
internal sealed class JsonApiClient(BuildingXConnection connection, IResourcesApi api) : IJsonApiClient
{
    public Task<JsonApiResource<JsonElement>> GetResourceAsync(string path, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var relative = path.TrimStart('/');
        return connection.GetResourceAsync(query, BuildingXJsonContext.Default.ResourceDocument, "Get", (q, limiter, operation, ct) => api.GetAsync(relative, q, limiter, operation, ct), cancellationToken);
    }

    public AsyncPageable<JsonApiResource<JsonElement>> GetResourcesAsync(string path, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var relative = path.TrimStart('/');
        return connection.List(query, BuildingXJsonContext.Default.ResourceListDocument, "List", (q, limiter, operation, ct) => api.GetAsync(relative, q, limiter, operation, ct), cancellationToken);
    }

    public Task<JsonApiWriteResult> CreateResourceAsync(string collectionPath, JsonApiResource<JsonElement> resource, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collectionPath);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(resource.Type, nameof(resource));
        var relative = collectionPath.TrimStart('/');
        return connection.SendDocumentAsync(Document(resource), (content, limiter, ct) => api.PostAsync(relative, content!, limiter, "Create", ct), cancellationToken);
    }

    public Task<JsonApiWriteResult> UpdateResourceAsync(string path, JsonApiResource<JsonElement> resource, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(resource.Type, nameof(resource));
        ArgumentException.ThrowIfNullOrWhiteSpace(resource.Id, nameof(resource));
        var relative = path.TrimStart('/');
        return connection.SendDocumentAsync(Document(resource), (content, limiter, ct) => api.PatchAsync(relative, content!, limiter, "Update", ct), cancellationToken);
    }

    public Task<JsonApiWriteResult> DeleteResourceAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var relative = path.TrimStart('/');
        return connection.SendDocumentAsync(null, (_, limiter, ct) => api.DeleteAsync(relative, limiter, "Delete", ct), cancellationToken);
    }

    private static JsonApiDocument<JsonApiResource<JsonElement>> Document(JsonApiResource<JsonElement> resource) =>
        new() { Data = resource with { Included = null } };
}
