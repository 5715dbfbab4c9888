using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Rest;

/// <summary>
/// The THREAD's device ports 1-3 (vendor doc, "iTwin IoT Edge REST API"): ADC and 4-20 mA readings, voltage, mode,
/// configuration, messages to the device and the device connection. The per-port WebSockets (<c>/ws/port/N</c>) are
/// not REST: <see cref="ThreadPortSocket"/> opens them.
/// </summary>
[Headers("Accept: application/json")]
internal interface IPortsApi
{
    /// <summary><c>?port=1&amp;option=0</c>: the option as its code (0 voltage, 1 current).</summary>
    [Get("/api/deviceAdcRead")]
    Task<HttpResponseMessage> ReadAdcAsync(
        int port,
        int option,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary><c>{"portNumber":1,"value":1}</c>.</summary>
    [Post("/api/deviceVoltage")]
    Task<HttpResponseMessage> SetPortVoltageAsync(
        [Body] DeviceVoltageRequest body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.IdempotentName)] bool idempotent,
        CancellationToken cancellationToken);

    [Get("/api/deviceAdcRead420")]
    Task<HttpResponseMessage> ReadLoopCurrentAsync(
        int port,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary><c>{"portNumber":1,"content":"RS232"}</c>.</summary>
    [Post("/api/deviceRsSel")]
    Task<HttpResponseMessage> SetPortModeAsync(
        [Body] PortModeRequest body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        [Property(DigitalTwinRequestOptions.IdempotentName)] bool idempotent,
        CancellationToken cancellationToken);

    [Get("/api/configure")]
    Task<HttpResponseMessage> GetPortConfigurationAsync(
        int port,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary><c>{"COMM_TYPE":"RS232","BAUD_RATE":9600,"DELIMITERS_HEX":["0D0A"],"PORT":1234,"HOST":"127.0.0.1"}</c>, only the properties set.</summary>
    [Put("/api/configure")]
    Task<HttpResponseMessage> SetPortConfigurationAsync(
        int port,
        [Body] PortConfiguration body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary><c>{"resources":["HOST","PORT"]}</c>.</summary>
    [Delete("/api/configure")]
    Task<HttpResponseMessage> RemovePortConfigurationAsync(
        int port,
        [Body] RemovePortConfigurationRequest body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary><c>{"portNumber":1,"message":"hello world"}</c>; an action, not repeated once it may have arrived.</summary>
    [Post("/api/message")]
    Task<HttpResponseMessage> SendMessageAsync(
        [Body] PortMessageRequest body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/api/deviceConnection")]
    Task<HttpResponseMessage> GetDeviceConnectionAsync(
        int port,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary><c>{"value":true}</c> (a JSON boolean, as the doc sends it).</summary>
    [Put("/api/deviceConnection")]
    Task<HttpResponseMessage> SetDeviceConnectionAsync(
        int port,
        [Body] DeviceConnectionRequest body,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
