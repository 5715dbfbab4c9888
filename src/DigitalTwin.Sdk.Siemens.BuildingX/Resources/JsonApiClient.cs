using System.Text.Json;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Generic JSON:API access.</summary>
internal sealed class JsonApiClient(BuildingXConnection connection) : IJsonApiClient
{
    public Task<JsonApiResource<JsonElement>> GetResourceAsync(string path, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return connection.GetResourceAsync(path.TrimStart('/'), query, BuildingXJsonContext.Default.ResourceDocument, "Get", cancellationToken);
    }

    public AsyncPageable<JsonApiResource<JsonElement>> GetResourcesAsync(string path, JsonApiQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return connection.List(path.TrimStart('/'), query, BuildingXJsonContext.Default.ResourceListDocument, "List", cancellationToken);
    }

    public Task<JsonApiWriteResult> CreateResourceAsync(string collectionPath, JsonApiResource<JsonElement> resource, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collectionPath);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(resource.Type, nameof(resource));
        return connection.SendDocumentAsync(HttpMethod.Post, collectionPath.TrimStart('/'), Document(resource), "Create", cancellationToken);
    }

    public Task<JsonApiWriteResult> UpdateResourceAsync(string path, JsonApiResource<JsonElement> resource, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(resource.Type, nameof(resource));
        ArgumentException.ThrowIfNullOrWhiteSpace(resource.Id, nameof(resource));
        return connection.SendDocumentAsync(HttpMethod.Patch, path.TrimStart('/'), Document(resource), "Update", cancellationToken);
    }

    public Task<JsonApiWriteResult> DeleteResourceAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return connection.SendDocumentAsync(HttpMethod.Delete, path.TrimStart('/'), null, "Delete", cancellationToken);
    }

    private static JsonApiDocument<JsonApiResource<JsonElement>> Document(JsonApiResource<JsonElement> resource) =>
        new() { Data = resource with { Included = null } };
}
