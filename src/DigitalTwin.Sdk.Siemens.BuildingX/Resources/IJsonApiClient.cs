using System.Text.Json;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// Generic JSON:API access to any Building X path, for resources this package does not model. Paths are relative to
/// the configured base URL, e.g. <c>partitions/{id}/devices</c>; bodies are <c>application/vnd.api+json</c>.
/// </summary>
public interface IJsonApiClient
{
    /// <summary>Gets one resource.</summary>
    /// <param name="path">Path relative to the base URL.</param>
    /// <param name="query">Includes and fields; optional.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The resource, with untyped attributes and its includes attached.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="Core.DigitalTwinApiException">The service refused the request.</exception>
    Task<JsonApiResource<JsonElement>> GetResourceAsync(string path, JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Lists a collection, following <c>links.next</c> until it is absent.</summary>
    /// <param name="path">Collection path relative to the base URL.</param>
    /// <param name="query">Filters, paging, includes and fields; optional.</param>
    /// <param name="cancellationToken">Cancels every page request.</param>
    /// <returns>The resources, fetched page by page.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    AsyncPageable<JsonApiResource<JsonElement>> GetResourcesAsync(string path, JsonApiQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a resource in a collection (<c>POST</c>): 201 with the resource, 202 accepted, or 204 for a client-generated id.</summary>
    /// <param name="collectionPath">Collection path relative to the base URL.</param>
    /// <param name="resource">The resource; leave <see cref="JsonApiResource.Id"/> empty to let the service choose it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="collectionPath"/> or the resource type is empty.</exception>
    /// <exception cref="Core.DigitalTwinConflictException">409: the id exists already or the type does not fit the collection.</exception>
    Task<JsonApiWriteResult> CreateResourceAsync(string collectionPath, JsonApiResource<JsonElement> resource, CancellationToken cancellationToken = default);

    /// <summary>Updates a resource (<c>PATCH</c>) with the attributes and relationships given.</summary>
    /// <param name="path">Resource path relative to the base URL.</param>
    /// <param name="resource">The changes; type and id must match the resource.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The outcome (200 with the resource, 202 or 204).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/>, the type or the id is empty.</exception>
    /// <exception cref="Core.DigitalTwinConflictException">409: type or id do not match.</exception>
    Task<JsonApiWriteResult> UpdateResourceAsync(string path, JsonApiResource<JsonElement> resource, CancellationToken cancellationToken = default);

    /// <summary>Deletes a resource (<c>DELETE</c>).</summary>
    /// <param name="path">Resource path relative to the base URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The outcome (usually 204).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="Core.DigitalTwinNotFoundException">No such resource.</exception>
    Task<JsonApiWriteResult> DeleteResourceAsync(string path, CancellationToken cancellationToken = default);
}
