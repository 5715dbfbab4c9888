using System.Globalization;
using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Testing.ThreadEdge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>
/// THREAD edge: read every REST register (identity, power, environment, port 2's readings, configuration and
/// connection, network), then read the sensor on port 2 through the port's WebSocket and summarise its records.
/// Settings are changed only with <c>--write</c>; the sensor is polled with <c>READ</c> on the embedded emulator and,
/// with <c>--write</c>, on a configured device, which is otherwise only listened to.
/// </summary>
internal sealed class ThreadEdgeScenario : IScenario
{
    private const int Port = 2;
    private const int EmulatorPolls = 200;
    private const int DeviceRecords = 3;

    public string Name => "thread-edge";

    public string Description => "Bentley THREAD edge device: local REST readings and 200 sensor records polled over a port WebSocket.";

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        // The client from DI: bound to the DigitalTwin:ThreadEdge section, or pointed at the embedded emulator when none is set.
        var section = run.Configuration.GetSection(ThreadEdgeOptions.SectionName);
        await using var target = await ScenarioTarget<ThreadEdgeEmulator>.StartAsync(
            configuredEndpoint: section["BaseUrl"],
            startEmulator: ct => ThreadEdgeEmulator.StartAsync(ct: ct),
            emulatorEndpoint: emulator => emulator.BaseUri,
            settingsHint: "DigitalTwin__ThreadEdge__BaseUrl",
            addConfigured: services => services.AddThreadEdge(section),
            addEmulated: (services, emulator) => services.AddThreadEdge(o => o.BaseUrl = emulator.BaseUri),
            cancellationToken);
        var thread = target.GetRequiredService<IThreadEdgeClient>();
        var view = new ThreadEdgeView(Port);

        if (run.Write)
        {
            // Changing port power or battery thresholds on a real device can affect attached equipment: only with --write.
            await thread.Power.UpdateBatterySaverAsync(true, low: 20, high: 80, cancellationToken);
            await thread.Ports.UpdateVoltageAsync(Port, PortVoltage.Volts12, cancellationToken);
            await thread.Ports.UpdateConfigurationAsync(Port, new PortConfiguration { BaudRate = 19200, DelimitersHex = ["0D0A"] }, cancellationToken);
            view.ShowWritten();
        }
        else
        {
            view.ShowReadOnly();
        }

        // One REST call per register, in order; on a device over a slow link this is the long part, hence the bar.
        var registers = await view.ReadRegistersAsync(
            [
                ("Connect code", thread.Device.GetSerialNumberAsync),
                ("Application version", thread.Device.GetApplicationVersionAsync),
                ("Firmware version", thread.Device.GetFirmwareVersionAsync),
                ("Hardware version", thread.Device.GetHardwareVersionAsync),
                ("Device time", async ct => Format($"{await thread.Device.GetTimeAsync(ct):u}")),
                ("Device time accurate", async ct => (await thread.Device.GetTimeAccurateAsync(ct)) ? "yes" : "no"),
                ("Charge input voltage", async ct => Format($"{await thread.Power.GetChargeInputVoltageAsync(ct):F2} V")),
                ("Charge input current", async ct => Format($"{await thread.Power.GetChargeInputCurrentAsync(ct):F4} A")),
                ("Battery voltage", async ct => Format($"{await thread.Power.GetBatteryVoltageAsync(ct):F2} V")),
                ("State of charge", async ct => Format($"{await thread.Power.GetStateOfChargeAsync(ct):F0} %")),
                ("Battery saver", async ct =>
                {
                    var saver = await thread.Power.GetBatterySaverAsync(ct);
                    return Format($"{(saver.Enabled ? "on" : "off")}, shut off at {saver.Low} %, stop charging at {saver.High} %");
                }),
                ("Temperature", async ct => Format($"{await thread.Device.GetTemperatureAsync(ct):F2} °C")),
                ("Pressure", async ct =>
                {
                    var pressure = await thread.Device.GetPressureAsync(ct);
                    return Format($"{pressure} = {pressure.Hectopascals:F2} hPa");
                }),
                ($"Port {Port} voltage", async ct => Format($"{await thread.Ports.GetAdcReadingAsync(Port, AdcReadOption.Voltage, ct):F2} V")),
                ($"Port {Port} 4-20 mA loop", async ct => Format($"{await thread.Ports.GetLoopCurrentAsync(Port, ct) * 1000:F2} mA")),
                ($"Port {Port} configuration", async ct =>
                {
                    var port = await thread.Ports.GetConfigurationAsync(Port, ct);
                    return Format($"{port.CommType?.ToString() ?? "-"}, {port.BaudRate?.ToString(CultureInfo.InvariantCulture) ?? "-"} baud, delimiters {string.Join(" ", port.DelimitersHex ?? [])}");
                }),
                ($"Port {Port} device connection", async ct => (await thread.Ports.GetConnectionAsync(Port, ct)) ? "enabled" : "disabled"),
                ("Preferred route", async ct => (await thread.Network.GetInterfacePriorityAsync(ct)).Content),
                ("Cloud connection", async ct => (await thread.Network.GetCloudConnectionAsync(ct)) ? "enabled" : "disabled"),
            ],
            cancellationToken);

        // Records from the sensor on the port, through the port's WebSocket, framed with the port's own DELIMITERS_HEX
        // (read from the device when no options are given). On the emulator each READ makes the simulated sensor answer
        // one record, so the scenario polls; sending READ to whatever is attached is a write, so a configured device is
        // only listened to unless --write. The listening window is ten seconds.
        var poll = target.Emulator is not null || run.Write;
        var wanted = poll ? EmulatorPolls : DeviceRecords;
        var complete = true;
        var records = await view.CountRecordsAsync(poll, wanted, async onRecord =>
        {
            await using var port = await thread.Ports.OpenSocketAsync(Port, cancellationToken: cancellationToken);
            using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            window.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await using var incoming = port.ReadRecordsAsync(cancellationToken: window.Token).GetAsyncEnumerator(window.Token);
                for (var count = 0; count < wanted; count++)
                {
                    if (poll)
                    {
                        await port.SendTextAsync("READ\r\n", window.Token);
                    }

                    if (!await incoming.MoveNextAsync())
                    {
                        break;
                    }

                    onRecord(incoming.Current.Text);
                }
            }
            catch (OperationCanceledException) when (window.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                complete = false;
            }
        });

        view.ShowRegisters(registers);
        view.ShowRecords(records, complete);
        if (target.Emulator is { } emulator)
        {
            view.ShowEmulator(emulator);
        }
    }

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await ThreadEdgeEmulator.StartAsync(ct: cancellationToken);
        return new ServedEmulator(emulator, Settings.Of(ThreadEdgeOptions.SectionName,
            ("BaseUrl", emulator.BaseUri.ToString())), () => emulator.Requests.Count);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
