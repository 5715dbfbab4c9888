using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Charging input, battery and battery saver of the THREAD.</summary>
/// <remarks>Errors as on <see cref="IThreadDeviceClient"/>.</remarks>
public interface IThreadPowerClient
{
    /// <summary>Gets the charge input voltage in volts. <c>GET /api/chargeInputVoltage</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The voltage.</returns>
    Task<double> GetChargeInputVoltageAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the charge input current in amps. <c>GET /api/chargeInputCurrent</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The current.</returns>
    Task<double> GetChargeInputCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the battery voltage in volts. <c>GET /api/batteryVoltage</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The voltage.</returns>
    Task<double> GetBatteryVoltageAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the battery state of charge in percent (0-100). <c>GET /api/stateOfCharge</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The percentage.</returns>
    Task<double> GetStateOfChargeAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the battery saver configuration. <c>GET /api/batterySaver</c>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The configuration.</returns>
    Task<BatterySaverSettings> GetBatterySaverAsync(CancellationToken cancellationToken = default);

    /// <summary>Configures the battery saver. <c>PUT /api/batterySaver</c>.</summary>
    /// <param name="enabled">Whether the saver is on. <see langword="true"/> with no thresholds means low 10, high 100.</param>
    /// <param name="low">State of charge (%) at which to shut off, 0-40; give it together with <paramref name="high"/> or not at all.</param>
    /// <param name="high">State of charge (%) at which to stop charging, 60-100; give it together with <paramref name="low"/> or not at all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the device accepted the settings.</returns>
    /// <exception cref="ArgumentException">Only one of <paramref name="low"/> and <paramref name="high"/> is given (names the missing one).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> is outside 0-40 or <paramref name="high"/> outside 60-100.</exception>
    Task UpdateBatterySaverAsync(bool enabled, int? low = null, int? high = null, CancellationToken cancellationToken = default);
}
