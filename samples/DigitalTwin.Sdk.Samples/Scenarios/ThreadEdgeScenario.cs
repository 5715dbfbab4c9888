using System.Globalization;
using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Samples.Output;
using DigitalTwin.Sdk.Testing.ThreadEdge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

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

    public async Task<ServedEmulator> ServeAsync(CancellationToken cancellationToken)
    {
        var emulator = await ThreadEdgeEmulator.StartAsync(ct: cancellationToken);
        return new ServedEmulator(emulator, Settings.Of(ThreadEdgeOptions.SectionName,
            ("BaseUrl", emulator.BaseUri.ToString())), () => emulator.Requests.Count);
    }

    public async Task RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        var configuration = run.Configuration;
        var section = configuration.GetSection(ThreadEdgeOptions.SectionName);
        await using var target = await ScenarioTarget<ThreadEdgeEmulator>.StartAsync(
            configuredEndpoint: section["BaseUrl"],
            startEmulator: ct => ThreadEdgeEmulator.StartAsync(ct: ct),
            emulatorEndpoint: emulator => emulator.BaseUri,
            settingsHint: "DigitalTwin__ThreadEdge__BaseUrl",
            addConfigured: services => services.AddThreadEdge(section),
            addEmulated: (services, emulator) => services.AddThreadEdge(o => o.BaseUrl = emulator.BaseUri),
            cancellationToken);
        var emulator = target.Emulator;
        var thread = target.GetRequiredService<IThreadEdgeClient>();

        if (run.Write)
        {
            // Changing port power or battery thresholds on a real device can affect attached equipment: only with --write.
            await thread.Power.UpdateBatterySaverAsync(true, low: 20, high: 80, cancellationToken);
            await thread.Ports.UpdateVoltageAsync(Port, PortVoltage.Volts12, cancellationToken);
            await thread.Ports.UpdateConfigurationAsync(Port, new PortConfiguration { BaudRate = 19200, DelimitersHex = ["0D0A"] }, cancellationToken);
            AnsiConsole.MarkupLine($"--write: battery saver 20-80 %, port {Port} at 12 V, 19200 baud, records end in 0D0A.");
        }
        else
        {
            AnsiConsole.MarkupLine("Read-only run: pass --write to set the battery saver and port 2's voltage and configuration.");
        }

        // One REST call per register; on a device over a slow link this is the long part, hence the bar.
        var readings = new (string Name, Func<CancellationToken, Task<string>> Read)[]
        {
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
        };
        var table = new Table().AddColumns("Reading", "Value");
        var records = new List<string>();
        var listening = true;
        await ProgressDisplay.RunAsync(async progress =>
        {
            var registers = new WorkCounter(progress, "Device registers", "", readings.Length);
            foreach (var (name, read) in readings)
            {
                table.AddRow(Markup.Escape(name), Markup.Escape(await read(cancellationToken)));
                registers.Advance(1);
            }

            registers.Complete();
            // Sending READ to whatever is attached is a write: on a configured device only with --write.
            listening = await ReadRecordsAsync(thread, progress, poll: emulator is not null || run.Write, records, cancellationToken);
        });

        AnsiConsole.Write(table);
        if (!listening)
        {
            AnsiConsole.MarkupLine("No more records within the listening window.");
        }

        AnsiConsole.Write(Summarise(records));
        AnsiConsole.MarkupLine($"Records read from port {Port}: [green]{records.Count}[/]" + (records.Count > 0 ? $", last [green]{Markup.Escape(records[^1])}[/]." : "."));
        if (emulator is not null)
        {
            AnsiConsole.MarkupLine($"The emulator saw {emulator.Requests.Count} requests; port {Port} is {Markup.Escape(emulator.Port(Port).ToString())}; its sensor emitted {emulator.Sensor.Readings} readings.");
        }
    }

    /// <summary>
    /// Reads records from the port socket, framed with the port's own DELIMITERS_HEX (read from the device when no
    /// options are given). On the emulator each <c>READ</c> makes the simulated sensor answer one record, so the scenario
    /// polls; a real device is only listened to.
    /// </summary>
    /// <returns><see langword="false"/> when the listening window closed before every record came.</returns>
    private static async Task<bool> ReadRecordsAsync(IThreadEdgeClient thread, ProgressContext progress, bool poll, List<string> records, CancellationToken cancellationToken)
    {
        var wanted = poll ? EmulatorPolls : DeviceRecords;
        var counter = new WorkCounter(progress, poll ? $"Port {Port} READ polls" : $"Port {Port} listening", "records", wanted);
        await using var port = await thread.Ports.OpenSocketAsync(Port, cancellationToken: cancellationToken);
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await using var incoming = port.ReadRecordsAsync(cancellationToken: window.Token).GetAsyncEnumerator(window.Token);
            while (records.Count < wanted)
            {
                if (poll)
                {
                    await port.SendTextAsync("READ\r\n", window.Token);
                }

                if (!await incoming.MoveNextAsync())
                {
                    break;
                }

                records.Add(incoming.Current.Text);
                counter.Advance(1);
            }

            return true;
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            counter.Complete();
        }
    }

    /// <summary>Per numeric field of <c>key=value,key=value</c> records: count, min, mean, max; other records are counted only.</summary>
    private static Table Summarise(List<string> records)
    {
        var fields = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var pair in record.Split(','))
            {
                var parts = pair.Split('=', 2);
                if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    (fields.TryGetValue(parts[0], out var values) ? values : fields[parts[0]] = []).Add(value);
                }
            }
        }

        var table = new Table().AddColumns("Field", "Records", "Min", "Mean", "Max");
        foreach (var (name, values) in fields)
        {
            table.AddRow(
                Markup.Escape(name),
                values.Count.ToString(CultureInfo.InvariantCulture),
                values.Min().ToString("0.##", CultureInfo.InvariantCulture),
                values.Average().ToString("0.##", CultureInfo.InvariantCulture),
                values.Max().ToString("0.##", CultureInfo.InvariantCulture));
        }

        if (fields.Count == 0)
        {
            table.AddRow("(unparsed)", records.Count.ToString(CultureInfo.InvariantCulture), "-", "-", "-");
        }

        return table;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
