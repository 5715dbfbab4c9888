using System.Globalization;
using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Testing.ThreadEdge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>
/// THREAD edge: read identity, power and environment over REST, then stream sensor records from a port WebSocket.
/// Settings are changed only on the embedded emulator; against a real device the scenario only reads.
/// </summary>
internal sealed class ThreadEdgeScenario : IScenario
{
    public string Name => "thread-edge";

    public string Description => "Bentley THREAD edge device: local REST readings and per-port WebSocket records.";

    public async Task RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(ThreadEdgeOptions.SectionName);
        await using var emulator = section["BaseUrl"] is null
            ? await ThreadEdgeEmulator.StartAsync(ct: cancellationToken)
            : null;

        var services = new ServiceCollection();
        if (emulator is null)
        {
            services.AddThreadEdge(section);
            AnsiConsole.MarkupLine($"Device: [blue]{Markup.Escape(section["BaseUrl"]!)}[/] (from configuration; read-only run)");
        }
        else
        {
            services.AddThreadEdge(o => o.BaseUrl = emulator.BaseUri);
            AnsiConsole.MarkupLine($"Device: [blue]{emulator.BaseUri}[/] (embedded emulator; set DigitalTwin__ThreadEdge__BaseUrl to use a real THREAD)");
        }

        await using var provider = services.BuildServiceProvider();
        var thread = provider.GetRequiredService<IThreadEdgeClient>();

        if (emulator is not null)
        {
            // Changing port power or battery thresholds on a real device could affect attached equipment: emulator only.
            await thread.Power.SetBatterySaverAsync(true, low: 20, high: 80, cancellationToken);
            await thread.Ports.SetVoltageAsync(2, PortVoltage.Volts12, cancellationToken);
            await thread.Ports.SetConfigurationAsync(2, new PortConfiguration { BaudRate = 19200, DelimitersHex = ["0D0A"] }, cancellationToken);
        }

        var saver = await thread.Power.GetBatterySaverAsync(cancellationToken);
        var pressure = await thread.Device.GetPressureAsync(cancellationToken);
        var table = new Table().AddColumns("Reading", "Value");
        table.AddRow("Connect code", Markup.Escape(await thread.Device.GetSerialNumberAsync(cancellationToken)));
        table.AddRow("Versions (app / firmware / hardware)", Markup.Escape($"{await thread.Device.GetApplicationVersionAsync(cancellationToken)} / {await thread.Device.GetFirmwareVersionAsync(cancellationToken)} / {await thread.Device.GetHardwareVersionAsync(cancellationToken)}"));
        table.AddRow("Device time", Format($"{await thread.Device.GetTimeAsync(cancellationToken):u} (accurate: {await thread.Device.IsTimeAccurateAsync(cancellationToken)})"));
        table.AddRow("Charge input", Format($"{await thread.Power.GetChargeInputVoltageAsync(cancellationToken):F2} V, {await thread.Power.GetChargeInputCurrentAsync(cancellationToken):F4} A"));
        table.AddRow("Battery", Format($"{await thread.Power.GetBatteryVoltageAsync(cancellationToken):F2} V, {await thread.Power.GetStateOfChargeAsync(cancellationToken):F0} %"));
        table.AddRow("Battery saver", Format($"{(saver.Enabled ? "on" : "off")}, shut off at {saver.Low} %, stop charging at {saver.High} %"));
        table.AddRow("Temperature", Format($"{await thread.Device.GetTemperatureAsync(cancellationToken):F2} °C"));
        table.AddRow("Pressure", Format($"{pressure} = {pressure.Hectopascals:F2} hPa"));
        table.AddRow("Port 2", Format($"{await thread.Ports.ReadAdcAsync(2, AdcReadOption.Voltage, cancellationToken):F2} V, 4-20 mA loop {await thread.Ports.ReadLoopCurrentAsync(2, cancellationToken) * 1000:F2} mA"));
        table.AddRow("Preferred route", Markup.Escape((await thread.Network.GetInterfacePriorityAsync(cancellationToken)).Content));
        table.AddRow("Cloud connection", (await thread.Network.GetCloudConnectionAsync(cancellationToken)) ? "enabled" : "disabled");
        AnsiConsole.Write(table);

        // The port socket frames records with the port's own DELIMITERS_HEX (read from the device when no options are given).
        await using var port = await thread.Ports.OpenSocketAsync(2, cancellationToken: cancellationToken);
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(TimeSpan.FromSeconds(emulator is null ? 10 : 5));
        if (emulator is not null)
        {
            // The simulated sensor answers READ with one record.
            for (var i = 0; i < 3; i++)
            {
                await port.SendTextAsync("READ\r\n", window.Token);
            }
        }

        var records = 0;
        try
        {
            await foreach (var record in port.ReadRecordsAsync(cancellationToken: window.Token))
            {
                AnsiConsole.MarkupLine($"port 2 record: [green]{Markup.Escape(record.Text)}[/]");
                if (++records == 3)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("No more records within the listening window.");
        }

        AnsiConsole.MarkupLine($"Records read from port 2: [green]{records}[/].");
        if (emulator is not null)
        {
            AnsiConsole.MarkupLine($"The emulator saw {emulator.Requests.Count} requests; port 2 is {Markup.Escape(emulator.Port(2).ToString())}.");
        }
    }

    private static string Format(FormattableString text) => Markup.Escape(text.ToString(CultureInfo.InvariantCulture));
}
