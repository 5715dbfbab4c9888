using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Implements <see cref="IThreadDeviceClient"/> over the edge REST API.</summary>
internal sealed class ThreadDeviceClient(EdgeTransport transport, string? hardwareVersion) : IThreadDeviceClient
{
    private readonly object _gate = new();
    private Task<PressureUnit>? _pressureUnit;

    public Task<string> GetSerialNumberAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetSerialNumber(), "GetSerialNumber", static (b, t) => EdgeResponseReader.ReadString(b, t), cancellationToken);

    public Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetTime(), "GetTime", static (b, t) => EdgeResponseReader.ReadTime(b, t), cancellationToken);

    public Task UpdateTimeAsync(DateTimeOffset time, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.SetTime(time), "SetTime", cancellationToken);

    public Task<bool> GetTimeAccurateAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetTimeAccurate(), "GetTimeAccurate", static (b, t) => EdgeResponseReader.ReadBoolean(b, t), cancellationToken);

    public Task<double> GetTemperatureAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetTemperature(), "GetTemperature", static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public async Task<Pressure> GetPressureAsync(CancellationToken cancellationToken = default)
    {
        var unit = await GetPressureUnitAsync(cancellationToken).ConfigureAwait(false);
        var value = await transport.ReadScalarAsync(EdgeRequests.GetPressure(), "GetPressure", static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken).ConfigureAwait(false);
        return new Pressure(value, unit);
    }

    public Task SleepAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.Sleep(duration), "Sleep", cancellationToken);

    public Task FlashLedAsync(CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.FlashLed(), "FlashLed", cancellationToken);

    public Task UpdateLedAsync(bool accessible, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.SetLed(accessible), "SetLed", cancellationToken);

    public Task<string> GetApplicationVersionAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetApplicationVersion(), "GetApplicationVersion", static (b, t) => EdgeResponseReader.ReadString(b, t), cancellationToken);

    public Task<string> GetFirmwareVersionAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetFirmwareVersion(), "GetFirmwareVersion", static (b, t) => EdgeResponseReader.ReadString(b, t), cancellationToken);

    public Task<string> GetHardwareVersionAsync(CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetHardwareVersion(), "GetHardwareVersion", static (b, t) => EdgeResponseReader.ReadString(b, t), cancellationToken);

    public Task UpdateSoftwareAsync(UpdateSource source, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.Update(source), "Update", cancellationToken);

    private Task<PressureUnit> GetPressureUnitAsync(CancellationToken cancellationToken)
    {
        if (hardwareVersion is not null)
        {
            return Task.FromResult(Pressure.UnitForHardware(hardwareVersion));
        }

        lock (_gate)
        {
            // One lookup per client; a failed lookup is not cached so the next call asks again.
            if (_pressureUnit is null || _pressureUnit.IsFaulted || _pressureUnit.IsCanceled)
            {
                _pressureUnit = LookUpPressureUnitAsync(cancellationToken);
            }

            return _pressureUnit;
        }
    }

    private async Task<PressureUnit> LookUpPressureUnitAsync(CancellationToken cancellationToken)
    {
        var hardware = await GetHardwareVersionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Pressure.UnitForHardware(hardware);
        }
        catch (ArgumentException ex)
        {
            throw new Core.DigitalTwinException($"The THREAD reported hardware version '{hardware}', which has no version number; set ThreadEdgeOptions.HardwareVersion to choose the pressure unit.", ex);
        }
    }
}
