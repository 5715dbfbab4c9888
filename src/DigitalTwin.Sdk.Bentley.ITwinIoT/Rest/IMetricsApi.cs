using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;

/// <summary>The iTwin IoT catalogue of standard metrics and units (vendor document, "Metrics").</summary>
[Headers("Accept: application/json")]
internal interface IMetricsApi
{
    [Get("/api/metrics/types")]
    Task<HttpResponseMessage> GetMetricTypesAsync(
        string excludeLegacy,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
