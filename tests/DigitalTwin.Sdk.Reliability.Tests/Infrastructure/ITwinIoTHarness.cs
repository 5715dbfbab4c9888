using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Testing.Hosting;
using DigitalTwin.Sdk.Testing.ITwinIoT;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// Bentley iTwin IoT REST over IMS client credentials: read = GET documents; unsafe POST = upload observations;
/// idempotent POST = sensors/metrics (a query sent as POST, declared idempotent by the client).
/// </summary>
public sealed class ITwinIoTHarness : VendorHarness
{
    private static readonly DateTimeOffset UploadStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int _uploads;

    private ITwinIoTHarness(ITwinIoTEmulator emulator, ITwinIoTClient client, ITwinIoTOptions options)
    {
        Emu = emulator;
        Client = client;
        Options = options;
    }

    public ITwinIoTEmulator Emu { get; }

    public ITwinIoTClient Client { get; }

    public ITwinIoTOptions Options { get; }

    public override EmulatorBase Emulator => Emu;

    public override string ReadPath => "/api/documents";

    public override string UnsafePostPath => "/api/data/upload";

    public override string IdempotentPostPath => "/api/sensors/metrics";

    public static async Task<ITwinIoTHarness> StartAsync(SecretAudit audit, Action<ITwinIoTOptions>? configure = null, HarnessClocks? clocks = null)
    {
        var emulator = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { TimeProvider = EmulatorClock(clocks) });
        var options = new ITwinIoTOptions
        {
            RestBaseUrl = emulator.BaseUri,
            WebSocketUrl = emulator.WebSocketUri,
            TokenUrl = emulator.ImsTokenUri,
            ClientId = emulator.Options.ImsClientId,
            ClientSecret = emulator.Options.ImsClientSecret,
            ProjectId = emulator.Options.DefaultProjectId,
        };
        Tune(options);
        configure?.Invoke(options);
        audit.AddSecret(options.ClientSecret);
        audit.AddSecret(options.ApiKey);
        audit.AddSecret(emulator.ApiKey);
        audit.AddSecret(emulator.Jwt);
        audit.AddApiOrigin(emulator.BaseUri);
        audit.ObserveText(options.ToString());
        var client = new ITwinIoTClient(options, transport: audit.Transport.CreateClient(), loggerFactory: audit.LoggerFactory, timeProvider: clocks?.Client);
        return new ITwinIoTHarness(emulator, client, options);
    }

    public override Task ReadAsync(CancellationToken cancellationToken) => Client.Rest.GetDocumentsAsync(cancellationToken: cancellationToken);

    public override Task UnsafePostAsync(CancellationToken cancellationToken)
    {
        var at = UploadStart.AddMinutes(Interlocked.Increment(ref _uploads));
        return Client.Rest.UploadObservationsAsync([new ObservationUpload(ITwinIoTEmulator.TrollSensorId, at, new Dictionary<string, double> { ["P_raw"] = 101.5 })], cancellationToken);
    }

    public override Task IdempotentPostAsync(CancellationToken cancellationToken) =>
        Client.Rest.GetSensorMetricsAsync([ITwinIoTEmulator.TiltSensorId], cancellationToken: cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Emu.DisposeAsync();
    }
}
