using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Rest;

/// <summary>
/// The THREAD itself (vendor doc, "iTwin IoT Edge REST API"): serial number, clock, temperature, pressure, sleep, LED,
/// versions and software update. POSTs that set absolute state (time, LED) are declared safe to repeat; the actions
/// (sleep, observation, update) are not.
/// </summary>
[Headers("Accept: application/json")]
internal interface IDeviceApi
{
    [Get("/api/serialNumber")]
    Task<HttpResponseMessage> GetSerialNumberAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    [Get("/api/time")]
    Task<HttpResponseMessage> GetTimeAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    /// <summary><c>{"time":"2019-11-19T15:41:30.000Z"}</c>.</summary>
    [Post("/api/time")]
    Task<HttpResponseMessage> SetTimeAsync(
        [Body] SetTimeRequest body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.IdempotentName)] bool idempotent,
        CancellationToken cancellationToken);

    [Get("/api/timeAccurate")]
    Task<HttpResponseMessage> GetTimeAccurateAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    [Get("/api/tempRead")]
    Task<HttpResponseMessage> GetTemperatureAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    [Get("/api/pressRead")]
    Task<HttpResponseMessage> GetPressureAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    /// <summary><c>{"duration":10000}</c> (milliseconds); an action, not repeated once it may have arrived.</summary>
    [Post("/api/sleep")]
    Task<HttpResponseMessage> SleepAsync(
        [Body] SleepRequest body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary>Flashes the LED; no body; an action.</summary>
    [Post("/api/observation")]
    Task<HttpResponseMessage> FlashLedAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    /// <summary><c>{"value":"true"}</c> (the flag as a string, as the doc sends it).</summary>
    [Post("/api/accessible")]
    Task<HttpResponseMessage> SetLedAsync(
        [Body] TextSwitchRequest body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.IdempotentName)] bool idempotent,
        CancellationToken cancellationToken);

    [Get("/api/version")]
    Task<HttpResponseMessage> GetApplicationVersionAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    [Get("/api/firmware")]
    Task<HttpResponseMessage> GetFirmwareVersionAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    [Get("/api/hardware")]
    Task<HttpResponseMessage> GetHardwareVersionAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    /// <summary>Updates to the latest version; an action.</summary>
    [Post("/api/update")]
    Task<HttpResponseMessage> UpdateToLatestAsync([Property(DigitalTwinRequestOptions.OperationName)] string operation, CancellationToken cancellationToken);

    /// <summary><c>?version=7.18.0</c>; an action.</summary>
    [Post("/api/update")]
    Task<HttpResponseMessage> UpdateToVersionAsync(
        string version,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary>
    /// <c>?file=/tmp/snoopy-1.2.3.jar</c>, slashes readable as in the doc; an action. <paramref name="file"/> arrives
    /// escaped (<see cref="ThreadDeviceClient"/>): everything but <c>/</c>, so <c>&amp;</c>, <c>#</c>, <c>+</c> and <c>%</c> in a
    /// device path stay part of the one value.
    /// </summary>
    [Post("/api/update")]
    Task<HttpResponseMessage> UpdateFromFileAsync(
        [Query, Encoded] string file,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
