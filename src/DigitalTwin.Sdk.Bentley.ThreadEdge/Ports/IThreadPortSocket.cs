using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>A duplex connection to the device on a THREAD port; see <see cref="ThreadPortSocket"/>.</summary>
/// <remarks>Returned by <see cref="IThreadPortsClient.OpenSocketAsync"/>; fake it in host-app tests.</remarks>
public interface IThreadPortSocket : IAsyncDisposable
{
    /// <summary>Raised when the connection state changes (connected, dropped, reconnected, closed, failed).</summary>
    event EventHandler<PortConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>Gets the port's WebSocket URI.</summary>
    Uri Uri { get; }

    /// <summary>Gets the current connection state.</summary>
    PortConnectionState State { get; }

    /// <summary>Gets how many times the socket reconnected after a drop.</summary>
    int Reconnects { get; }

    /// <summary>Gets a task that completes when the socket is closed, or faults with the reason it failed.</summary>
    Task Completion { get; }

    /// <summary>Sends text to the device (one text frame, UTF-8).</summary>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Cancels the wait for a connection and the send.</param>
    /// <returns>A task that completes when the frame is sent.</returns>
    ValueTask SendTextAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Sends bytes to the device in one frame.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="type">Frame type.</param>
    /// <param name="cancellationToken">Cancels the wait for a connection and the send.</param>
    /// <returns>A task that completes when the frame is sent.</returns>
    ValueTask SendAsync(ReadOnlyMemory<byte> data, PortMessageType type = PortMessageType.Binary, CancellationToken cancellationToken = default);

    /// <summary>Reads the messages the device sends, as they arrive, until the socket is disposed.</summary>
    /// <param name="cancellationToken">Stops the enumeration (the socket stays open).</param>
    /// <returns>The messages, in order.</returns>
    IAsyncEnumerable<PortMessage> ReadMessagesAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads what the device sends as records ended by delimiters, whatever the frame boundaries.</summary>
    /// <param name="delimitersHex">Delimiters as hex, or <see langword="null"/> for the socket's defaults.</param>
    /// <param name="cancellationToken">Stops the enumeration (the socket stays open).</param>
    /// <returns>The records, in order.</returns>
    IAsyncEnumerable<PortRecord> ReadRecordsAsync(IEnumerable<string>? delimitersHex = null, CancellationToken cancellationToken = default);
}
