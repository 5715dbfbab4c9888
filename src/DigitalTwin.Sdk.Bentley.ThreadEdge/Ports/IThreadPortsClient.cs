using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>The three device ports of the THREAD: power, interface mode, serial configuration, readings, messages,
/// device connections and the per-port WebSockets.</summary>
/// <remarks>Every <c>port</c> argument must be 1, 2 or 3 (<see cref="ArgumentOutOfRangeException"/> otherwise, before
/// anything is sent). Errors as on <see cref="IThreadDeviceClient"/>.</remarks>
public interface IThreadPortsClient
{
    /// <summary>Reads the voltage (V) or current (A) of a port. <c>GET /api/deviceAdcRead?port=N&amp;option=0|1</c>.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="option">Voltage or current.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reading.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3 or <paramref name="option"/> is undefined.</exception>
    Task<double> GetAdcReadingAsync(int port, AdcReadOption option, CancellationToken cancellationToken = default);

    /// <summary>Sets the output voltage of a port: off, 12 V or 15 V. <c>POST /api/deviceVoltage</c>.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="voltage">The voltage.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device applied the voltage.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3 or <paramref name="voltage"/> is undefined.</exception>
    Task UpdateVoltageAsync(int port, PortVoltage voltage, CancellationToken cancellationToken = default);

    /// <summary>Reads a 4-20 mA sensor current in amps (the port is switched to 4-20 mA for the reading, then back).
    /// <c>GET /api/deviceAdcRead420?port=N</c>.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The current in amps.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3.</exception>
    Task<double> GetLoopCurrentAsync(int port, CancellationToken cancellationToken = default);

    /// <summary>Sets the interface mode of a port. <c>POST /api/deviceRsSel</c>.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="mode">RS232, RS485, ANALOG, USB (port 1 only) or OFF.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device applied the mode.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3 or <paramref name="mode"/> is undefined.</exception>
    /// <exception cref="ArgumentException"><paramref name="mode"/> is USB on port 2 or 3.</exception>
    Task UpdateModeAsync(int port, PortMode mode, CancellationToken cancellationToken = default);

    /// <summary>Gets the configuration properties of a port. <c>GET /api/configure?port=N</c>.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3.</exception>
    Task<PortConfiguration> GetConfigurationAsync(int port, CancellationToken cancellationToken = default);

    /// <summary>Sets 1 to N configuration properties of a port (those not <see langword="null"/>). <c>PUT /api/configure?port=N</c>.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="configuration">The properties to set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device stored the properties.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3.</exception>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is null, sets nothing, or has a bad value
    /// (BAUD_RATE not positive, DATA_BITS not 5-8, DELIMITERS_HEX empty or not hex, PORT not 1-65535, HOST not a host, undefined enum).</exception>
    Task UpdateConfigurationAsync(int port, PortConfiguration configuration, CancellationToken cancellationToken = default);

    /// <summary>Removes configuration properties of a port. <c>DELETE /api/configure?port=N</c> with <c>{"resources":[...]}</c>.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="properties">The properties to remove; at least one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device removed them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3.</exception>
    /// <exception cref="ArgumentException"><paramref name="properties"/> is null, empty or has an undefined value.</exception>
    Task DeleteConfigurationAsync(int port, IEnumerable<PortConfigurationProperty> properties, CancellationToken cancellationToken = default);

    /// <summary>Sends a text message to the device on a port. <c>POST /api/message</c>.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="message">The text; not empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the THREAD accepted the message.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is null or empty.</exception>
    Task SendMessageAsync(int port, string message, CancellationToken cancellationToken = default);

    /// <summary>Tells whether the connection to the device on a port is enabled. <c>GET /api/deviceConnection?port=N</c>.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when enabled.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3.</exception>
    Task<bool> GetConnectionAsync(int port, CancellationToken cancellationToken = default);

    /// <summary>Enables (opens, with the port's properties) or disables the connection to the device on a port.
    /// <c>PUT /api/deviceConnection?port=N</c>.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="enabled">Whether to connect.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device applied the setting.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3.</exception>
    Task UpdateConnectionAsync(int port, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Gets the WebSocket URI of a port, e.g. <c>ws://localhost/ws/port/1</c> (<c>wss</c> for an https base URL).</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <returns>The URI.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3.</exception>
    Uri GetSocketUri(int port);

    /// <summary>Opens the duplex WebSocket of a port (<c>/ws/port/N</c>): data from the device arrives as messages or
    /// delimiter-framed records, data sent goes to the device directly.</summary>
    /// <param name="port">Port 1, 2 or 3.</param>
    /// <param name="options">Socket settings; when <see langword="null"/>, defaults with the record delimiters read from
    /// the port's <c>DELIMITERS_HEX</c> (CR LF when none is configured).</param>
    /// <param name="cancellationToken">Cancels opening (not the socket's life).</param>
    /// <returns>The connected socket; dispose it to close.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not 1-3.</exception>
    /// <exception cref="Core.DigitalTwinConnectionException">The socket could not be opened.</exception>
    Task<IThreadPortSocket> OpenSocketAsync(int port, ThreadPortSocketOptions? options = null, CancellationToken cancellationToken = default);
}
