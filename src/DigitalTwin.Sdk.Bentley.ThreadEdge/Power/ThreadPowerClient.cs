using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Implements <see cref="IThreadPowerClient"/> over the edge REST API.</summary>
internal sealed class ThreadPowerClient(EdgeTransport transport) : IThreadPowerClient
{
    public Task<double> GetChargeInputVoltageAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetChargeInputVoltage(), "GetChargeInputVoltage", static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public Task<double> GetChargeInputCurrentAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetChargeInputCurrent(), "GetChargeInputCurrent", static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public Task<double> GetBatteryVoltageAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetBatteryVoltage(), "GetBatteryVoltage", static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public Task<double> GetStateOfChargeAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetStateOfCharge(), "GetStateOfCharge", static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public Task<BatterySaverSettings> GetBatterySaverAsync(CancellationToken cancellationToken = default) =>
        transport.ReadJsonAsync(EdgeRequests.GetBatterySaver(), "GetBatterySaver", ThreadEdgeJsonContext.Default.BatterySaverSettings, cancellationToken);

    public Task UpdateBatterySaverAsync(bool enabled, int? low = null, int? high = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.SetBatterySaver(enabled, low, high), "SetBatterySaver", cancellationToken);
}
