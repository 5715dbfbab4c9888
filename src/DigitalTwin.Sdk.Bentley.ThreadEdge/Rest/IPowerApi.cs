using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Rest;

/// <summary>The THREAD's charger and battery (vendor doc, "iTwin IoT Edge REST API"): readings and the battery saver.</summary>
[Headers("Accept: application/json")]
internal interface IPowerApi
{
    [Get("/api/chargeInputVoltage")]
    Task<HttpResponseMessage> GetChargeInputVoltageAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    [Get("/api/chargeInputCurrent")]
    Task<HttpResponseMessage> GetChargeInputCurrentAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    [Get("/api/batteryVoltage")]
    Task<HttpResponseMessage> GetBatteryVoltageAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    [Get("/api/stateOfCharge")]
    Task<HttpResponseMessage> GetStateOfChargeAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    [Get("/api/batterySaver")]
    Task<HttpResponseMessage> GetBatterySaverAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    /// <summary><c>{"value":true,"low":20,"high":80}</c>; <c>low</c>/<c>high</c> left out together.</summary>
    [Put("/api/batterySaver")]
    Task<HttpResponseMessage> SetBatterySaverAsync(
        [Body] BatterySaverRequest body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
