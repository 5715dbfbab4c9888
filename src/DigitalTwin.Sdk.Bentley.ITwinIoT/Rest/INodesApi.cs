using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;

/// <summary>iTwin IoT connections (nodes): <c>GET /api/nodes/all</c>, one page per call (vendor document, "Nodes").</summary>
[Headers("Accept: application/json")]
internal interface INodesApi
{
    [Get("/api/nodes/all")]
    Task<HttpResponseMessage> GetNodesPageAsync(
        int pageNumber,
        int pageSize,
        [AliasAs("projectIds")] string? projectId,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
