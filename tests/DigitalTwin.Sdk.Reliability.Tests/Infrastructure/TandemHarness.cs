using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Testing.Hosting;
using DigitalTwin.Sdk.Testing.Tandem;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// Autodesk Tandem: read = GET a twin; unsafe POST = stream ingest (webhooks/generic); idempotent POST = last values
/// (a query sent as POST, declared idempotent by the client).
/// </summary>
public sealed class TandemHarness : VendorHarness
{
    private int _readingsSent;

    private TandemHarness(TandemEmulator emulator, TandemClient client, TandemOptions options)
    {
        Emu = emulator;
        Client = client;
        Options = options;
    }

    public TandemEmulator Emu { get; }

    public TandemClient Client { get; }

    public TandemOptions Options { get; }

    public override EmulatorBase Emulator => Emu;

    public override string ReadPath => "/tandem/v1/twins/" + Emu.TwinId;

    public override string UnsafePostPath => "/tandem/v1/timeseries/models/" + Emu.DefaultModelId + "/webhooks/generic";

    public override string IdempotentPostPath => "/tandem/v1/timeseries/models/" + Emu.DefaultModelId + "/streams";

    /// <summary>Gets the stream the unsafe POST writes to.</summary>
    public string IngestStreamKey => Emu.StreamFullKeys[^1];

    public static async Task<TandemHarness> StartAsync(SecretAudit audit, Action<TandemOptions>? configure = null, HarnessClocks? clocks = null)
    {
        var emulator = await TandemEmulator.StartAsync(new TandemEmulatorOptions { TimeProvider = EmulatorClock(clocks) });
        var options = new TandemOptions
        {
            BaseUrl = new Uri(emulator.BaseUri, "tandem/v1/"),
            TokenUrl = new Uri(emulator.BaseUri, "authentication/v2/token"),
            AuthorizeUrl = new Uri(emulator.BaseUri, "authentication/v2/authorize"),
            RevokeUrl = new Uri(emulator.BaseUri, "authentication/v2/revoke"),
            ClientId = emulator.ClientId,
            ClientSecret = emulator.ClientSecret,
            Scope = "data:read data:write",
        };
        Tune(options);
        configure?.Invoke(options);
        audit.AddSecret(options.ClientSecret);
        audit.AddApiOrigin(emulator.BaseUri);
        audit.ObserveText(options.ToString());
        var client = new TandemClient(options, transport: audit.Transport.CreateClient(), loggerFactory: audit.LoggerFactory, timeProvider: clocks?.Client);
        return new TandemHarness(emulator, client, options);
    }

    public override Task ReadAsync(CancellationToken cancellationToken) => Client.Twins.GetTwinAsync(TwinUrn.Parse(Emu.TwinId), cancellationToken);

    public override Task UnsafePostAsync(CancellationToken cancellationToken)
    {
        // A distinct timestamp per call so every stored reading is countable.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_000 + (Interlocked.Increment(ref _readingsSent) * 1000L));
        return Client.Streams.SendReadingsAsync(
            ModelUrn.Parse(Emu.DefaultModelId),
            [new StreamIngestItem(ElementKey.Parse(IngestStreamKey), new Dictionary<string, double> { ["Temperature"] = 20.5 }, at)],
            cancellationToken);
    }

    public override Task IdempotentPostAsync(CancellationToken cancellationToken) =>
        Client.Streams.GetLastValuesAsync(ModelUrn.Parse(Emu.DefaultModelId), [ElementKey.Parse(Emu.StreamKeys[0])], cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emu.DisposeAsync();
    }
}
