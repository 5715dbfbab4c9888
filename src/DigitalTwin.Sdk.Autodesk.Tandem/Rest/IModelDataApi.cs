using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Rest;

/// <summary>
/// Tandem model data: <c>POST modeldata/{modelID}/scan</c>, <c>GET modeldata/{modelID}/schema</c> and
/// <c>POST modeldata/{modelID}/history</c>. The model URN goes in the path with its colons unescaped: the declared path
/// holds the <c>urn:adsk.dtm:</c> prefix and the parameter only the id. Bodies are UTF-8 JSON the caller serialized
/// (<c>Content-Type: application/json; charset=utf-8</c>). Scan and history are reads, so they are marked idempotent
/// (retried like a GET); the scan answer is left unread for the streamed row parser.
/// </summary>
[Headers("Accept: application/json")]
internal interface IModelDataApi
{
    [Post("/modeldata/urn:adsk.dtm:{modelId}/scan")]
    Task<HttpResponseMessage> ScanAsync(
        string modelId,
        [Body] HttpContent scan,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.IdempotentName)] bool idempotent,
        [Property(DigitalTwinRequestOptions.StreamSuccessBodyName)] bool streamSuccessBody,
        CancellationToken cancellationToken);

    [Get("/modeldata/urn:adsk.dtm:{modelId}/schema")]
    Task<HttpResponseMessage> GetSchemaAsync(
        string modelId,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Post("/modeldata/urn:adsk.dtm:{modelId}/history")]
    Task<HttpResponseMessage> GetHistoryAsync(
        string modelId,
        [Body] HttpContent history,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.IdempotentName)] bool idempotent,
        CancellationToken cancellationToken);
}
