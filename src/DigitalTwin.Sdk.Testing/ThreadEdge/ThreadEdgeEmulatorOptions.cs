using DigitalTwin.Sdk.Testing.Hosting;

namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <summary>Settings of a <see cref="ThreadEdgeEmulator"/> (a simulated iTwin IoT THREAD edge device).</summary>
public sealed class ThreadEdgeEmulatorOptions : EmulatorOptions
{
    /// <summary>THREAD Connect Code (serial number): 6 hex characters.</summary>
    /// <value>Defaults to <see langword="null"/>: derived from <see cref="EmulatorOptions.Seed"/>.</value>
    public string? SerialNumber { get; set; }

    /// <summary>Hardware version reported by <c>GET /api/hardware</c>; <c>V11</c> and older report pressure in hPa.</summary>
    /// <value>Defaults to <c>V12</c>.</value>
    public string HardwareVersion { get; set; } = "V12";

    /// <summary>Firmware version reported by <c>GET /api/firmware</c>.</summary>
    /// <value>Defaults to <c>4.2.1</c>.</value>
    public string FirmwareVersion { get; set; } = "4.2.1";

    /// <summary>Application version reported by <c>GET /api/version</c> until an update changes it.</summary>
    /// <value>Defaults to <c>7.17.2</c>.</value>
    public string ApplicationVersion { get; set; } = "7.17.2";

    /// <summary>Version installed by <c>POST /api/update</c> without parameters (the latest cloud version).</summary>
    /// <value>Defaults to <c>7.18.0</c>.</value>
    public string LatestCloudVersion { get; set; } = "7.18.0";

    /// <summary>Device clock at start-up; it then runs with <see cref="TimeProvider"/>.</summary>
    /// <value>Defaults to 2026-01-01T00:00:00Z.</value>
    public DateTimeOffset InitialDeviceTime { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Clock that drives the device time and the sensor's periodic readings.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Period of the line-emitting sensor on port 2; <see langword="null"/> emits only on demand.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public TimeSpan? SensorInterval { get; set; }

    /// <summary>Largest WebSocket frame the simulated serial devices send; longer records are split across frames
    /// as a serial line delivers them.</summary>
    /// <value>Defaults to 8 bytes.</value>
    public int SerialChunkSize { get; set; } = 8;
}
