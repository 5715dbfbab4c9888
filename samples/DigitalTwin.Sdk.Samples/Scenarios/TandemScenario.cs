using System.Globalization;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Autodesk.Tandem.ModelData;
using DigitalTwin.Sdk.Autodesk.Tandem.Streams;
using DigitalTwin.Sdk.Autodesk.Tandem.Twins;
using DigitalTwin.Sdk.Testing.Tandem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>Autodesk Tandem: two-legged APS token, the twin of the vendor doc, its models, an element scan and stream data.</summary>
internal sealed class TandemScenario : IScenario
{
    public string Name => "tandem";

    public string Description => "Autodesk Tandem: twin settings, linked models, element scan, stream last values and ingest.";

    public async Task RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(TandemOptions.SectionName);
        await using var emulator = section["BaseUrl"] is null ? await TandemEmulator.StartAsync(ct: cancellationToken) : null;

        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        if (emulator is null)
        {
            services.AddTandem();
            AnsiConsole.MarkupLine($"Endpoint: [blue]{Markup.Escape(section["BaseUrl"]!)}[/] (from configuration)");
        }
        else
        {
            services.AddTandem(o =>
            {
                o.BaseUrl = new Uri(emulator.BaseUri, "tandem/v1/");
                o.AuthUrl = new Uri(emulator.BaseUri, "authentication/v2/");
                o.ClientId = emulator.ClientId;
                o.ClientSecret = emulator.ClientSecret;
                o.Scope = "data:read data:write";
                o.TwinId = emulator.TwinId;
            });
            AnsiConsole.MarkupLine($"Endpoint: [blue]{emulator.BaseUri}[/] (embedded emulator; set DigitalTwin__Tandem__BaseUrl, AuthUrl, ClientId, ClientSecret and TwinId to use Autodesk)");
        }

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ITandemClient>();
        var twinText = emulator?.TwinId ?? section["TwinId"]
            ?? throw new InvalidOperationException("Set DigitalTwin:Tandem:TwinId to the URN of a twin (urn:adsk.dtt:...).");
        var twinId = TwinUrn.Parse(twinText);

        var twin = await client.Twins.GetAsync(twinId, cancellationToken);
        AnsiConsole.MarkupLine(
            $"Twin [green]{Markup.Escape(twin.GetProperty("Identity Data", "Building Name") ?? twinId.Value)}[/] " +
            $"({Markup.Escape(twin.GetProperty("Identity Data", "Address") ?? "no address")}), access [green]{twin.AccessLevel}[/], {twin.Docs.Count} document(s).");

        var models = new Table().AddColumns("Model", "Main", "Elements", "Id");
        foreach (var link in twin.Links)
        {
            if (!ModelUrn.TryParse(link.ModelId, out var modelId))
            {
                continue;
            }

            var scan = await client.ModelData.ScanAsync(modelId, new ScanRequest { QualifiedColumns = ["n:n"] }, cancellationToken);
            models.AddRow(
                Markup.Escape(string.IsNullOrEmpty(link.Label) ? "(default model)" : link.Label),
                link.Main == true ? "yes" : "",
                scan.Rows.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(modelId.Value));
        }

        AnsiConsole.Write(models);

        var defaultModel = twinId.DefaultModel;
        var streams = await client.ModelData.ScanAsync(defaultModel, new ScanRequest { QualifiedColumns = ["n:n"] }, cancellationToken);
        var keys = streams.Rows.Select(r => r.Key).ToList();
        if (keys.Count > 0)
        {
            var last = await client.Streams.GetLastValuesAsync(defaultModel, keys, cancellationToken);
            var table = new Table().AddColumns("Stream", "Property", "Last reading", "Value");
            foreach (var row in streams.Rows)
            {
                if (!last.TryGetValue(row.Key, out var readings))
                {
                    continue;
                }

                foreach (var (property, values) in readings.Properties)
                {
                    foreach (var reading in values)
                    {
                        table.AddRow(Markup.Escape(row.GetString("n:n") ?? row.Key), property, reading.Timestamp.ToString("u", CultureInfo.InvariantCulture), reading.Value.ToString(CultureInfo.InvariantCulture));
                    }
                }
            }

            AnsiConsole.Write(table);

            if (emulator is not null)
            {
                // Ingest is limited to 1 request/s per model: the client spaces the two batches itself.
                var now = DateTimeOffset.UtcNow;
                await client.Streams.SendReadingsAsync(defaultModel, [new StreamIngestItem(keys[0], new Dictionary<string, double> { ["Temperature"] = 22.5 }, now)], cancellationToken);
                await client.Streams.SendReadingsAsync(defaultModel, [new StreamIngestItem(keys[0], new Dictionary<string, double> { ["Temperature"] = 22.75 }, now.AddSeconds(1))], cancellationToken);
                var recent = await client.Streams.GetReadingsAsync(defaultModel, keys[0], new StreamReadingsQuery { Substream = "z:Dg", Sort = StreamSortOrder.Descending, Limit = 2 }, cancellationToken);
                AnsiConsole.MarkupLine($"Sent two readings; newest now: [green]{string.Join(", ", recent.Get("z:Dg").Select(r => r.Value.ToString(CultureInfo.InvariantCulture)))}[/].");
            }
        }

        if (emulator is not null)
        {
            AnsiConsole.MarkupLine($"The emulator saw {emulator.Requests.Count} requests and issued {emulator.TokensIssued} token(s).");
        }
    }
}
