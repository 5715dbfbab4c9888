using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Rest;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Implements <see cref="IThreadPowerClient"/> over the edge REST API (<see cref="IPowerApi"/>).</summary>
internal sealed class ThreadPowerClient(IPowerApi api, EdgeResponses responses) : IThreadPowerClient
{
    public Task<double> GetChargeInputVoltageAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetChargeInputVoltageAsync("GetChargeInputVoltage", cancellationToken), static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public Task<double> GetChargeInputCurrentAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetChargeInputCurrentAsync("GetChargeInputCurrent", cancellationToken), static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public Task<double> GetBatteryVoltageAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetBatteryVoltageAsync("GetBatteryVoltage", cancellationToken), static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public Task<double> GetStateOfChargeAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetStateOfChargeAsync("GetStateOfCharge", cancellationToken), static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public Task<BatterySaverSettings> GetBatterySaverAsync(CancellationToken cancellationToken = default) =>
        responses.ReadJsonAsync(api.GetBatterySaverAsync("GetBatterySaver", cancellationToken), ThreadEdgeJsonContext.Default.BatterySaverSettings, cancellationToken);

    public Task UpdateBatterySaverAsync(bool enabled, int? low = null, int? high = null, CancellationToken cancellationToken = default)
    {
        EdgeArguments.BatterySaver(low, high);
        return responses.CompleteAsync(api.SetBatterySaverAsync(new BatterySaverRequest(enabled, low, high), "SetBatterySaver", cancellationToken), cancellationToken);
    }
}
