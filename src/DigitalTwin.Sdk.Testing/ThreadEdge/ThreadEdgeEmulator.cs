using System.Globalization;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Hosting;
using Microsoft.AspNetCore.Builder;

namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <summary>
/// A simulated iTwin IoT THREAD edge device: the local REST API (<c>/api/...</c>) and the per-port WebSockets
/// (<c>/ws/port/{1,2,3}</c>) of the vendor doc ("iTwin IoT Edge REST API", "iTwin IoT Edge WebSocket API"), with
/// device state (clock, battery saver, port modes, voltages and configuration, connections, LED, versions).
/// </summary>
/// <remarks>
/// <para>Port 1 has an <see cref="EchoSerialDevice"/>, port 2 a <see cref="LineSensorSerialDevice"/>, port 3 nothing.</para>
/// <para>Like the device, no authentication is required and request bodies are parsed as JSON whatever their
/// content type. Bad input is refused with <c>400 {"code":"invalid_request","message":"..."}</c>; an unknown port on a
/// WebSocket path or an unknown interface name answers 404. Thread-safe.</para>
/// </remarks>
public sealed partial class ThreadEdgeEmulator : EmulatorBase
{
    private readonly object _gate = new();
    private readonly ThreadEdgeEmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly SimulatedPort[] _ports;
    private readonly List<string> _updates = [];
    private readonly List<long> _sleeps = [];
    private TimeSpan _clockOffset;
    private DateTimeOffset _syncCompleteAt;
    private bool _batterySaverEnabled;
    private int _batterySaverLow;
    private int _batterySaverHigh = 100;
    private string _preferredInterface = "eth0";
    private bool _cloudConnection = true;
    private bool _accessible;
    private int _ledFlashes;
    private string _applicationVersion;

    private ThreadEdgeEmulator(ThreadEdgeEmulatorOptions options)
        : base(options)
    {
        _options = options;
        _time = options.TimeProvider;
        _clockOffset = options.InitialDeviceTime - _time.GetUtcNow();
        _syncCompleteAt = DateTimeOffset.MinValue;
        _applicationVersion = options.ApplicationVersion;
        var random = new Random(options.Seed);
        SerialNumber = options.SerialNumber ?? random.Next(0, 0x1000000).ToString("X6", CultureInfo.InvariantCulture);
        ChargeInputVoltage = Math.Round(14.5288 + ((random.NextDouble() - 0.5) * 0.2), 4);
        ChargeInputCurrent = Math.Round(0.0225 + ((random.NextDouble() - 0.5) * 0.004), 4);
        BatteryVoltage = Math.Round(13.7456 + ((random.NextDouble() - 0.5) * 0.2), 4);
        StateOfCharge = 60 + random.Next(0, 40);
        TemperatureCelsius = Math.Round(36.75 + ((random.NextDouble() - 0.5) * 2), 2);
        AtmosphericPressurePascals = Math.Round(101325 + ((random.NextDouble() - 0.5) * 2000), 5);
        var chunk = Math.Max(1, options.SerialChunkSize);
        _ports =
        [
            new SimulatedPort(1, "RS232", 0, true, DefaultConfiguration("RS232", 9600, ["0D0A"]), new EchoSerialDevice(), chunk),
            new SimulatedPort(2, "RS485", 1, true, DefaultConfiguration("RS485", 19200, ["0D0A"]), new LineSensorSerialDevice(options.Seed, options.SensorInterval), chunk),
            new SimulatedPort(3, "OFF", 0, false, DefaultConfiguration("RS232", 115200, []), null, chunk),
        ];
    }

    /// <summary>Gets the THREAD Connect Code (serial number) the device reports.</summary>
    public string SerialNumber { get; }

    /// <summary>Gets the hardware version the device reports.</summary>
    public string HardwareVersion => _options.HardwareVersion;

    /// <summary>Gets the firmware version the device reports.</summary>
    public string FirmwareVersion => _options.FirmwareVersion;

    /// <summary>Gets or sets the charge input voltage in volts.</summary>
    public double ChargeInputVoltage { get; set; }

    /// <summary>Gets or sets the charge input current in amps.</summary>
    public double ChargeInputCurrent { get; set; }

    /// <summary>Gets or sets the battery voltage in volts.</summary>
    public double BatteryVoltage { get; set; }

    /// <summary>Gets or sets the battery state of charge in percent (0-100).</summary>
    public double StateOfCharge { get; set; }

    /// <summary>Gets or sets the device temperature in degrees Celsius.</summary>
    public double TemperatureCelsius { get; set; }

    /// <summary>Gets or sets the surrounding atmospheric pressure in pascals (reported in daPa, or hPa on V11 and older).</summary>
    public double AtmosphericPressurePascals { get; set; }

    /// <summary>Gets the device clock.</summary>
    public DateTimeOffset DeviceTime
    {
        get
        {
            lock (_gate)
            {
                return _time.GetUtcNow() + _clockOffset;
            }
        }
    }

    /// <summary>Gets whether the RTC / OS clock synchronisation has finished (it takes one second after the time is set).</summary>
    public bool TimeAccurate
    {
        get
        {
            lock (_gate)
            {
                return _time.GetUtcNow() >= _syncCompleteAt;
            }
        }
    }

    /// <summary>Gets the battery saver state: enabled, low (shut-off %) and high (stop-charging %).</summary>
    public (bool Enabled, int Low, int High) BatterySaver
    {
        get
        {
            lock (_gate)
            {
                return (_batterySaverEnabled, _batterySaverLow, _batterySaverHigh);
            }
        }
    }

    /// <summary>Gets the preferred network interface: <c>eth0</c> or <c>ppp0</c>.</summary>
    public string PreferredInterface
    {
        get
        {
            lock (_gate)
            {
                return _preferredInterface;
            }
        }
    }

    /// <summary>Gets whether the iTwin IoT cloud connection is enabled.</summary>
    public bool CloudConnection
    {
        get
        {
            lock (_gate)
            {
                return _cloudConnection;
            }
        }
    }

    /// <summary>Gets the LED colour: green while the cloud connection is enabled (healthy), otherwise the accessible setting.</summary>
    public ThreadLedColor LedColor
    {
        get
        {
            lock (_gate)
            {
                return _cloudConnection || _accessible ? ThreadLedColor.Green : ThreadLedColor.Red;
            }
        }
    }

    /// <summary>Gets how many times the LED was flashed (<c>POST /api/observation</c>).</summary>
    public int LedFlashes => Volatile.Read(ref _ledFlashes);

    /// <summary>Gets the application version currently installed.</summary>
    public string ApplicationVersion
    {
        get
        {
            lock (_gate)
            {
                return _applicationVersion;
            }
        }
    }

    /// <summary>Returns the update requests received: <c>latest</c>, <c>version:X</c> or <c>file:/path</c>.</summary>
    /// <returns>The requests, oldest first.</returns>
    public IReadOnlyList<string> Updates()
    {
        lock (_gate)
        {
            return _updates.ToArray();
        }
    }

    /// <summary>Returns the sleep durations (milliseconds) requested, oldest first.</summary>
    /// <returns>The durations.</returns>
    public IReadOnlyList<long> Sleeps()
    {
        lock (_gate)
        {
            return _sleeps.ToArray();
        }
    }

    /// <summary>Gets the state of device port <paramref name="number"/>.</summary>
    /// <param name="number">1, 2 or 3.</param>
    /// <returns>The port.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is not 1, 2 or 3.</exception>
    public SimulatedPort Port(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 3);
        return _ports[number - 1];
    }

    /// <summary>Gets the line-emitting sensor on port 2.</summary>
    public LineSensorSerialDevice Sensor => (LineSensorSerialDevice)_ports[1].Device!;

    /// <summary>Gets the echo device on port 1.</summary>
    public EchoSerialDevice Echo => (EchoSerialDevice)_ports[0].Device!;

    /// <summary>Gets the WebSocket URI of a device port, e.g. <c>ws://127.0.0.1:41234/ws/port/1</c>.</summary>
    /// <param name="number">1, 2 or 3.</param>
    /// <returns>The URI.</returns>
    public Uri PortWebSocketUri(int number) =>
        new(new Uri(BaseUri.ToString().Replace("http://", "ws://", StringComparison.Ordinal)), string.Create(CultureInfo.InvariantCulture, $"ws/port/{number}"));

    /// <summary>Starts a simulated THREAD on a free loopback port.</summary>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<ThreadEdgeEmulator> StartAsync(ThreadEdgeEmulatorOptions? options = null, CancellationToken ct = default)
    {
        var emulator = new ThreadEdgeEmulator(options ?? new ThreadEdgeEmulatorOptions());
        await emulator.StartCoreAsync(ct).ConfigureAwait(false);
        foreach (var port in emulator._ports)
        {
            port.Device?.OnStarted(emulator._time);
        }

        return emulator;
    }

    /// <inheritdoc />
    protected override TimeProvider Clock => _time;

    /// <inheritdoc />
    protected override void MapEndpoints(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        MapRest(app);
        MapPortSockets(app);
    }

    private static JsonObject DefaultConfiguration(string commType, int baudRate, string[] delimiters)
    {
        var configuration = new JsonObject
        {
            ["COMM_TYPE"] = commType,
            ["BAUD_RATE"] = baudRate,
            ["DATA_BITS"] = 8,
            ["PARITY_BIT"] = "NONE",
        };
        if (delimiters.Length > 0)
        {
            configuration["DELIMITERS_HEX"] = new JsonArray([.. delimiters.Select(d => (JsonNode)d)]);
        }

        return configuration;
    }

    private bool IsV11OrOlder()
    {
        var digits = new string(HardwareVersion.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major <= 11;
    }
}
