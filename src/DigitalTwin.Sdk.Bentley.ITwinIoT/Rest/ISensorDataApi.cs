using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;

/// <summary>
/// The Sensor Data API of the iTwin Platform (<c>https://api.bentley.com/sensor-data/...</c>): only its published
/// operations — Get Nodes, Process Integration, Query Raw Data, Remove Data, Upload Data — sent with the platform's
/// versioned Accept header (developer.bentley.com, Sensor Data API reference).
/// </summary>
[Headers("Accept: application/vnd.bentley.itwin-platform.v1+json")]
internal interface ISensorDataApi
{
    /// <summary>Get Nodes: one answer <c>{"nodes": [...]}</c>, no paging documented.</summary>
    [Get("/sensor-data/integrations/nodes")]
    Task<HttpResponseMessage> GetNodesAsync(
        string iTwinId,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary>Process Integration: a write, never retried once sent.</summary>
    [Post("/sensor-data/integrations/integrate")]
    Task<HttpResponseMessage> IntegrateAsync(
        string iTwinId,
        [Body] HttpContent integration,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary>Query Raw Data: a read sent as POST, so it may be retried.</summary>
    [Post("/sensor-data/data/observations")]
    Task<HttpResponseMessage> QueryObservationsAsync(
        [Body] HttpContent query,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.IdempotentName)] bool idempotent,
        CancellationToken cancellationToken);

    /// <summary>Remove Data: <c>DELETE</c> with a JSON body, answered 202.</summary>
    [Delete("/sensor-data/data/observations")]
    Task<HttpResponseMessage> RemoveObservationsAsync(
        [Body] HttpContent remove,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary>Upload Data: answered 202 <c>{"status": "ACCEPTED"}</c>.</summary>
    [Post("/sensor-data/data/upload")]
    Task<HttpResponseMessage> UploadAsync(
        [Body] HttpContent observations,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
