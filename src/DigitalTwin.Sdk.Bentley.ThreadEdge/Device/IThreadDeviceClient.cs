using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>The THREAD itself: identity, clock, environment sensors, LED, sleep, versions and updates.</summary>
/// <remarks>Every method throws <see cref="Core.DigitalTwinApiException"/> (or a subclass) when the device refuses the
/// call, <see cref="Core.DigitalTwinConnectionException"/> when it cannot be reached, and validates its arguments
/// before sending anything.</remarks>
public interface IThreadDeviceClient
{
    /// <summary>Gets the serial number, a.k.a. THREAD Connect Code (6 hex characters). <c>GET /api/serialNumber</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The serial number.</returns>
    Task<string> GetSerialNumberAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the device's current time. <c>GET /api/time</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The device time (UTC).</returns>
    Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the device's time. <c>POST /api/time</c> with <c>{"time":"2019-11-19T15:41:30.000Z"}</c>.</summary>
    /// <param name="time">The time to set; sent in UTC with millisecond precision.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device accepted the time.</returns>
    Task UpdateTimeAsync(DateTimeOffset time, CancellationToken cancellationToken = default);

    /// <summary>Tells whether the RTC / OS clock synchronisation has finished. <c>GET /api/timeAccurate</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the clock is accurate.</returns>
    Task<bool> GetTimeAccurateAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the device temperature in degrees Celsius. <c>GET /api/tempRead</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The temperature.</returns>
    Task<double> GetTemperatureAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the surrounding atmospheric pressure with its unit (daPa, or hPa on V11 and older THREADs). <c>GET /api/pressRead</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pressure.</returns>
    /// <remarks>The unit comes from <see cref="ThreadEdgeOptions.HardwareVersion"/>, or from <c>GET /api/hardware</c> asked once per client.</remarks>
    Task<Pressure> GetPressureAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts the device in low power mode. <c>POST /api/sleep</c> with <c>{"duration":ms}</c>.</summary>
    /// <param name="duration">How long; at least 1 ms, sent in whole milliseconds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device accepted the request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is below 1 ms or above <see cref="int.MaxValue"/> ms.</exception>
    Task SleepAsync(TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Flashes the device LED. <c>POST /api/observation</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device accepted the request.</returns>
    Task FlashLedAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the exterior LED green (<see langword="true"/>) or red. <c>POST /api/accessible</c>.</summary>
    /// <param name="accessible"><see langword="true"/> for green, <see langword="false"/> for red.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device accepted the colour.</returns>
    /// <remarks>Takes effect only while the cloud connection is disabled; not kept across reboots (red after reboot).</remarks>
    Task UpdateLedAsync(bool accessible, CancellationToken cancellationToken = default);

    /// <summary>Gets the application version. <c>GET /api/version</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version text.</returns>
    Task<string> GetApplicationVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the firmware version. <c>GET /api/firmware</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version text.</returns>
    Task<string> GetFirmwareVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the hardware version (e.g. <c>V12</c>). <c>GET /api/hardware</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version text.</returns>
    Task<string> GetHardwareVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Updates the application: latest cloud version, a given version, or a local file. <c>POST /api/update</c>.</summary>
    /// <param name="source">What to install: <see cref="UpdateSource.Latest"/>, <see cref="UpdateSource.FromVersion"/> or <see cref="UpdateSource.FromLocalFile"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device accepted the update.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    Task UpdateSoftwareAsync(UpdateSource source, CancellationToken cancellationToken = default);
}
