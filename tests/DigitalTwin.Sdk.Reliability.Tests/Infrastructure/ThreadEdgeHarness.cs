using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Testing.Hosting;
using DigitalTwin.Sdk.Testing.ThreadEdge;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// Bentley THREAD edge: read = GET temperature; unsafe POST = flash the LED (an action: repeating it flashes twice);
/// idempotent POST = set the device time (same body, same effect).
/// </summary>
public sealed class ThreadEdgeHarness : VendorHarness
{
    private ThreadEdgeHarness(ThreadEdgeEmulator emulator, ThreadEdgeClient client)
    {
        Emu = emulator;
        Client = client;
    }

    public ThreadEdgeEmulator Emu { get; }

    public ThreadEdgeClient Client { get; }

    public override EmulatorBase Emulator => Emu;

    public override string ReadPath => "/api/tempRead";

    public override string UnsafePostPath => "/api/observation";

    public override string IdempotentPostPath => "/api/time";

    public static async Task<ThreadEdgeHarness> StartAsync(SecretAudit audit, Action<ThreadEdgeOptions>? configure = null, HarnessClocks? clocks = null)
    {
        var emulator = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { TimeProvider = EmulatorClock(clocks) });
        var options = new ThreadEdgeOptions { BaseUrl = emulator.BaseUri };
        Tune(options);
        configure?.Invoke(options);
        audit.AddApiOrigin(emulator.BaseUri);
        audit.ObserveText(options.ToString());
        var client = new ThreadEdgeClient(options, audit.Transport.CreateClient(), audit.LoggerFactory, clocks?.Client);
        return new ThreadEdgeHarness(emulator, client);
    }

    public override Task ReadAsync(CancellationToken cancellationToken) => Client.Device.GetTemperatureAsync(cancellationToken);

    public override Task UnsafePostAsync(CancellationToken cancellationToken) => Client.Device.FlashLedAsync(cancellationToken);

    public override Task IdempotentPostAsync(CancellationToken cancellationToken) =>
        Client.Device.UpdateTimeAsync(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), cancellationToken);

    public override async ValueTask DisposeAsync() => await Emu.DisposeAsync();
}
