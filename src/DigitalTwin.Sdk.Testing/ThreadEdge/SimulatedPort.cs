using System.Globalization;
using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <summary>State of one physical device port (1, 2 or 3) of the simulated THREAD.</summary>
/// <remarks>Thread-safe; every getter returns a snapshot.</remarks>
public sealed class SimulatedPort
{
    private readonly object _gate = new();
    private readonly List<PortSession> _sessions = [];
    private readonly int _chunkSize;
    private JsonObject _configuration;
    private int _voltageCode;
    private string _mode;
    private bool _connectionEnabled;
    private long _droppedFromHost;
    private double _loopCurrentAmps;

    internal SimulatedPort(int number, string mode, int voltageCode, bool connectionEnabled, JsonObject configuration, SimulatedSerialDevice? device, int chunkSize)
    {
        Number = number;
        _mode = mode;
        _voltageCode = voltageCode;
        _connectionEnabled = connectionEnabled;
        _configuration = configuration;
        _chunkSize = chunkSize;
        Device = device;
        _loopCurrentAmps = number == 2 ? 0.0125 : -0.00429;
        device?.Attach(this);
    }

    /// <summary>Gets the port number (1, 2 or 3).</summary>
    public int Number { get; }

    /// <summary>Gets the serial device plugged into the port, or <see langword="null"/> when none is.</summary>
    public SimulatedSerialDevice? Device { get; }

    /// <summary>Gets the output voltage code: 0 (off), 1 (12 V) or 2 (15 V).</summary>
    public int VoltageCode
    {
        get
        {
            lock (_gate)
            {
                return _voltageCode;
            }
        }

        internal set
        {
            lock (_gate)
            {
                _voltageCode = value;
            }
        }
    }

    /// <summary>Gets the interface mode: RS232, RS485, ANALOG, USB or OFF.</summary>
    public string Mode
    {
        get
        {
            lock (_gate)
            {
                return _mode;
            }
        }

        internal set
        {
            lock (_gate)
            {
                _mode = value;
            }
        }
    }

    /// <summary>Gets or sets whether the connection to the plugged-in device is open (data flows only then).</summary>
    public bool ConnectionEnabled
    {
        get
        {
            lock (_gate)
            {
                return _connectionEnabled;
            }
        }

        set
        {
            lock (_gate)
            {
                _connectionEnabled = value;
            }
        }
    }

    /// <summary>Gets or sets the 4-20 mA loop current in amps that <c>GET /api/deviceAdcRead420</c> reads on this port.</summary>
    /// <value>Defaults to 0.0125 A on port 2 (the sensor's loop) and -0.00429 A (an open loop) elsewhere.</value>
    public double LoopCurrentAmps
    {
        get
        {
            lock (_gate)
            {
                return _loopCurrentAmps;
            }
        }

        set
        {
            lock (_gate)
            {
                _loopCurrentAmps = value;
            }
        }
    }

    /// <summary>Gets the number of WebSocket clients connected to <c>/ws/port/{Number}</c>.</summary>
    public int ConnectedClients
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>Gets the number of host writes discarded because the connection was disabled or no device was plugged in.</summary>
    public long DroppedFromHost => Interlocked.Read(ref _droppedFromHost);

    /// <summary>Returns the port configuration as the device stores it (JSON object text).</summary>
    /// <returns>The configuration JSON.</returns>
    public string ConfigurationJson()
    {
        lock (_gate)
        {
            return _configuration.ToJsonString();
        }
    }

    /// <summary>Returns the configured end-of-message delimiters (<c>DELIMITERS_HEX</c>) as bytes, in order.</summary>
    /// <returns>The delimiters; empty when none is configured.</returns>
    public IReadOnlyList<byte[]> Delimiters()
    {
        JsonNode? node;
        lock (_gate)
        {
            node = _configuration["DELIMITERS_HEX"]?.DeepClone();
        }

        var result = new List<byte[]>();
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    result.Add(Convert.FromHexString(item!.GetValue<string>()));
                }

                break;
            case JsonValue value:
                result.Add(Convert.FromHexString(value.GetValue<string>()));
                break;
        }

        return result;
    }

    internal JsonObject CloneConfiguration()
    {
        lock (_gate)
        {
            return (JsonObject)_configuration.DeepClone();
        }
    }

    internal void UpdateConfiguration(Func<JsonObject, JsonObject> update)
    {
        lock (_gate)
        {
            _configuration = update((JsonObject)_configuration.DeepClone());
        }
    }

    internal void AddSession(PortSession session)
    {
        lock (_gate)
        {
            _sessions.Add(session);
        }
    }

    internal void RemoveSession(PortSession session)
    {
        lock (_gate)
        {
            _sessions.Remove(session);
        }
    }

    internal async ValueTask ReceiveFromHostAsync(ReadOnlyMemory<byte> data, bool isText)
    {
        if (Device is null || !ConnectionEnabled)
        {
            Interlocked.Increment(ref _droppedFromHost);
            return;
        }

        await Device.OnReceivedAsync(data, isText).ConfigureAwait(false);
    }

    internal ValueTask TransmitFromDeviceAsync(ReadOnlyMemory<byte> data, bool isText)
    {
        PortSession[] sessions;
        lock (_gate)
        {
            if (!_connectionEnabled)
            {
                return ValueTask.CompletedTask;
            }

            sessions = [.. _sessions];
        }

        for (var offset = 0; offset < data.Length; offset += _chunkSize)
        {
            var chunk = data.Slice(offset, Math.Min(_chunkSize, data.Length - offset)).ToArray();
            foreach (var session in sessions)
            {
                session.Enqueue(chunk, isText);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Port {Number} ({Mode}, voltage {VoltageCode}, connection {(ConnectionEnabled ? "on" : "off")})");
}
