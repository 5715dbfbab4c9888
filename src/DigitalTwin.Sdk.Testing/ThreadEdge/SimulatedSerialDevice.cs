namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <summary>
/// A serial device plugged into a port of the simulated THREAD. Data the host writes (WebSocket or
/// <c>POST /api/message</c>) arrives in <see cref="OnReceivedAsync"/>; data the device sends goes through
/// <see cref="TransmitAsync"/> to every WebSocket client of the port.
/// </summary>
/// <remarks>Thread-safe. Data flows only while the port's device connection is enabled.</remarks>
public abstract class SimulatedSerialDevice
{
    private readonly object _gate = new();
    private readonly List<byte[]> _received = [];
    private SimulatedPort? _port;

    /// <summary>Gets the port the device is plugged into.</summary>
    /// <exception cref="InvalidOperationException">The device is not plugged in yet.</exception>
    public SimulatedPort Port => _port ?? throw new InvalidOperationException("The device is not plugged into a port.");

    /// <summary>Returns every chunk of data the device received from the host, oldest first.</summary>
    /// <returns>A snapshot of the received chunks.</returns>
    public IReadOnlyList<byte[]> Received()
    {
        lock (_gate)
        {
            return _received.ToArray();
        }
    }

    /// <summary>Called when the host writes to the device; the base implementation records the data.</summary>
    /// <param name="data">The bytes written.</param>
    /// <param name="isText">Whether the host sent them as a text frame.</param>
    /// <returns>A task that completes when the device has handled the data.</returns>
    protected internal virtual ValueTask OnReceivedAsync(ReadOnlyMemory<byte> data, bool isText)
    {
        lock (_gate)
        {
            _received.Add(data.ToArray());
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Sends bytes from the device to the host, split into frames of at most the configured chunk size.</summary>
    /// <param name="data">The bytes to send.</param>
    /// <param name="isText">Whether to send them as text frames.</param>
    /// <returns>A task that completes when the frames are queued for every connected client.</returns>
    protected ValueTask TransmitAsync(ReadOnlyMemory<byte> data, bool isText = true) => Port.TransmitFromDeviceAsync(data, isText);

    internal void Attach(SimulatedPort port) => _port = port;

    /// <summary>Called once when the emulator starts.</summary>
    /// <param name="timeProvider">The emulator clock.</param>
    protected internal virtual void OnStarted(TimeProvider timeProvider)
    {
    }

    /// <summary>Called once when the emulator stops.</summary>
    protected internal virtual void OnStopped()
    {
    }
}
