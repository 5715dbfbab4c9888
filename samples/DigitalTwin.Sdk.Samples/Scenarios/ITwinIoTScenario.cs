using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>iTwin IoT: list sensors over REST, stream a long getData over the socket through a cut connection, subscribe and upload.</summary>
internal sealed class ITwinIoTScenario : IScenario
{
    public string Name => "itwin-iot";

    public string Description => "Bentley iTwin IoT: REST sensor listing, a 200,000-point getData surviving a dropped socket, a live subscription fed by an upload.";

    public async Task RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(ITwinIoTOptions.SectionName);
        var configured = section["ApiKey"] is not null || section["ClientId"] is not null;
        await using var emulator = configured
            ? null
            : await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { PointsPerFrame = 2_000 }, cancellationToken);

        var services = new ServiceCollection();
        string sensorId;
        if (emulator is null)
        {
            services.AddITwinIoT(section);
            sensorId = section["SensorId"] ?? throw new InvalidOperationException("Set DigitalTwin:ITwinIoT:SensorId to the sensor to read.");
            AnsiConsole.MarkupLine($"Endpoint: [blue]{Markup.Escape(section["RestBaseUrl"] ?? "https://iiot.bentley.com/")}[/] (from configuration)");
        }
        else
        {
            sensorId = ITwinIoTEmulator.TiltSensorId;
            emulator.SetSeries(sensorId, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(10), 200_000);
            emulator.Faults.Add(Fault.CloseWebSocketAfter(40), method: "getData");
            services.AddITwinIoT(o =>
            {
                o.RestBaseUrl = emulator.BaseUri;
                o.WebSocketUrl = emulator.WebSocketUri;
                o.ApiKey = emulator.ApiKey;
            });
            AnsiConsole.MarkupLine($"Endpoint: [blue]{emulator.BaseUri}[/] (embedded emulator; set DigitalTwin__ITwinIoT__ApiKey, RestBaseUrl, WebSocketUrl and SensorId to use a real service)");
        }

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IITwinIoTClient>();
        client.Socket.StateChanged += (_, e) => AnsiConsole.MarkupLine($"  socket: [grey]{e.Previous} -> {e.Current}[/]");

        var table = new Table().AddColumns("Sensor", "Type", "Name");
        var sensors = 0;
        await foreach (var sensor in client.Rest.GetAllSensorsAsync(cancellationToken: cancellationToken))
        {
            if (sensors++ < 6)
            {
                table.AddRow(Markup.Escape(sensor.Id), Markup.Escape(sensor.Type ?? "-"), Markup.Escape(sensor.Props?.Name ?? "-"));
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"REST: [green]{sensors}[/] sensors (first 6 shown).");

        long points = 0;
        DateTimeOffset? first = null, last = null;
        await foreach (var observation in client.Socket.GetDataAsync(new DataQuery(sensorId, "T", "C"), cancellationToken))
        {
            first ??= observation.Timestamp;
            last = observation.Timestamp;
            points++;
        }

        AnsiConsole.MarkupLine($"getData: [green]{points:N0}[/] observations streamed, {first:O} .. {last:O}" + (emulator is null ? "." : $" (the emulator cut the socket mid-stream; {emulator.Authentications} authentications)."));

        if (emulator is not null)
        {
            await using var subscription = await client.Socket.SubscribeDataAsync(new DataSubscriptionRequest([sensorId], "T", "F"), cancellationToken);
            await using var notifications = subscription.GetAsyncEnumerator(cancellationToken);
            while (emulator.DataSubscriptionCount == 0)
            {
                await Task.Delay(10, cancellationToken);
            }

            var accepted = await client.Socket.UploadDataAsync([new ObservationUpload(sensorId, DateTimeOffset.UtcNow, new Dictionary<string, double> { ["T"] = 21.5, ["ax"] = 0.1, ["ay"] = 0.2 })], cancellationToken);
            await notifications.MoveNextAsync();
            AnsiConsole.MarkupLine($"uploadData: [green]{accepted}[/] processed; subscription pushed {Markup.Escape(notifications.Current.Observation.ToString())} (°F).");
        }
    }
}
