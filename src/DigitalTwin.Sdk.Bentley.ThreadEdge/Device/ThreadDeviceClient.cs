using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Rest;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Implements <see cref="IThreadDeviceClient"/> over the edge REST API.</summary>
internal sealed class ThreadDeviceClient(IDeviceApi api, EdgeResponses responses, string? hardwareVersion) : IThreadDeviceClient
{
    private readonly object _gate = new();
    private Task<PressureUnit>? _pressureUnit;

    public Task<string> GetSerialNumberAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetSerialNumberAsync("GetSerialNumber", cancellationToken), static (b, t) => EdgeResponseReader.ReadString(b, t), cancellationToken);

    public Task<DateTimeOffset> GetTimeAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetTimeAsync("GetTime", cancellationToken), static (b, t) => EdgeResponseReader.ReadTime(b, t), cancellationToken);

    public Task UpdateTimeAsync(DateTimeOffset time, CancellationToken cancellationToken = default) =>
        responses.CompleteAsync(api.SetTimeAsync(new SetTimeRequest(time), "SetTime", idempotent: true, cancellationToken), cancellationToken);

    public Task<bool> GetTimeAccurateAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetTimeAccurateAsync("GetTimeAccurate", cancellationToken), static (b, t) => EdgeResponseReader.ReadBoolean(b, t), cancellationToken);

    public Task<double> GetTemperatureAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetTemperatureAsync("GetTemperature", cancellationToken), static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public async Task<Pressure> GetPressureAsync(CancellationToken cancellationToken = default)
    {
        var unit = await GetPressureUnitAsync(cancellationToken).ConfigureAwait(false);
        var value = await responses.ReadScalarAsync(api.GetPressureAsync("GetPressure", cancellationToken), static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken).ConfigureAwait(false);
        return new Pressure(value, unit);
    }

    public Task SleepAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var milliseconds = EdgeArguments.SleepMilliseconds(duration, nameof(duration));
        return responses.CompleteAsync(api.SleepAsync(new SleepRequest(milliseconds), "Sleep", cancellationToken), cancellationToken);
    }

    public Task FlashLedAsync(CancellationToken cancellationToken = default) =>
        responses.CompleteAsync(api.FlashLedAsync("FlashLed", cancellationToken), cancellationToken);

    public Task UpdateLedAsync(bool accessible, CancellationToken cancellationToken = default) =>
        responses.CompleteAsync(api.SetLedAsync(new TextSwitchRequest(accessible), "SetLed", idempotent: true, cancellationToken), cancellationToken);

    public Task<string> GetApplicationVersionAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetApplicationVersionAsync("GetApplicationVersion", cancellationToken), static (b, t) => EdgeResponseReader.ReadString(b, t), cancellationToken);

    public Task<string> GetFirmwareVersionAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetFirmwareVersionAsync("GetFirmwareVersion", cancellationToken), static (b, t) => EdgeResponseReader.ReadString(b, t), cancellationToken);

    public Task<string> GetHardwareVersionAsync(CancellationToken cancellationToken = default) =>
        responses.ReadScalarAsync(api.GetHardwareVersionAsync("GetHardwareVersion", cancellationToken), static (b, t) => EdgeResponseReader.ReadString(b, t), cancellationToken);

    public Task UpdateSoftwareAsync(UpdateSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sending = source.Kind switch
        {
            UpdateSourceKind.Version => api.UpdateToVersionAsync(source.Value!, "Update", cancellationToken),
            UpdateSourceKind.LocalFile => api.UpdateFromFileAsync(Uri.EscapeDataString(source.Value!).Replace("%2F", "/", StringComparison.Ordinal), "Update", cancellationToken),
            _ => api.UpdateToLatestAsync("Update", cancellationToken),
        };
        return responses.CompleteAsync(sending, cancellationToken);
    }

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
