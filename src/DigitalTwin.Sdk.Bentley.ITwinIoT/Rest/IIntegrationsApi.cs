using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;

/// <summary>iTwin IoT integrations: create/update/remove a connection with its devices and sensors, or read one back (vendor document, "Integrations").</summary>
[Headers("Accept: application/json")]
internal interface IIntegrationsApi
{
    /// <summary><c>POST /api/integrations/integrate?projectIds</c> with <c>{"integration": ...}</c>: a write, never retried once sent.</summary>
    [Post("/api/integrations/integrate")]
    Task<HttpResponseMessage> IntegrateAsync(
        [AliasAs("projectIds")] string projectId,
        [Body] HttpContent integration,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /api/integrations/{nodeId}</c> with an empty JSON body: the node id keeps its slashes (the documented URL
    /// is <c>/api/integrations//api/13DC2F/node</c>), each segment escaped. A read, so it may be retried.
    /// </summary>
    [Post("/api/integrations/{**nodeId}")]
    Task<HttpResponseMessage> GetIntegrationAsync(
        string nodeId,
        [Body] HttpContent empty,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.IdempotentName)] bool idempotent,
        CancellationToken cancellationToken);
}
