using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;

/// <summary>iTwin IoT devices: the paged listing and the device templates (vendor document, "Devices").</summary>
[Headers("Accept: application/json")]
internal interface IDevicesApi
{
    [Get("/api/devices/all")]
    Task<HttpResponseMessage> GetDevicesPageAsync(
        int pageNumber,
        int pageSize,
        [AliasAs("projectIds")] string? projectId,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary><paramref name="excludeLegacy"/> is the literal <c>true</c>/<c>false</c> (Refit would send <c>True</c>).</summary>
    [Get("/api/devices/types")]
    Task<HttpResponseMessage> GetDeviceTypesAsync(
        string excludeLegacy,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
