using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;

/// <summary>iTwin IoT projects and what hangs off one (documents, profiles, data usage); shapes not documented, read as raw JSON.</summary>
[Headers("Accept: application/json")]
internal interface IProjectsApi
{
    [Get("/api/projects/{projectId}")]
    Task<HttpResponseMessage> GetProjectAsync(
        string projectId,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Delete("/api/projects/{projectId}")]
    Task<HttpResponseMessage> DeleteProjectAsync(
        string projectId,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/api/projects/{projectId}/dataUsage")]
    Task<HttpResponseMessage> GetProjectDataUsageAsync(
        string projectId,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/api/documents")]
    Task<HttpResponseMessage> GetDocumentsAsync(
        [AliasAs("projectIds")] string? projectId,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/api/profiles")]
    Task<HttpResponseMessage> GetProfilesAsync(
        [AliasAs("projectIds")] string? projectId,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
