using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;

/// <summary>iTwin IoT sensors: the paged listing, the sensor templates and the metrics of sensors (vendor document, "Sensors").</summary>
[Headers("Accept: application/json")]
internal interface ISensorsApi
{
    [Get("/api/sensors/all")]
    Task<HttpResponseMessage> GetSensorsPageAsync(
        int pageNumber,
        int pageSize,
        [AliasAs("projectIds")] string? projectId,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/api/sensors/types")]
    Task<HttpResponseMessage> GetSensorTypesAsync(
        string excludeLegacy,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary><c>POST /api/sensors/metrics?projectIds&amp;filters=raw</c> with <c>{"ids": [...]}</c>: a read, so it may be retried.</summary>
    [Post("/api/sensors/metrics")]
    Task<HttpResponseMessage> GetSensorMetricsAsync(
        [AliasAs("projectIds")] string projectId,
        string? filters,
        [Body] HttpContent ids,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.IdempotentName)] bool idempotent,
        CancellationToken cancellationToken);
}
