using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.Hosting;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>Siemens Lifecycle Twin: read = GET one site (all its calls are GETs; the token POST is declared idempotent).</summary>
public sealed class LifecycleTwinHarness : VendorHarness
{
    private LifecycleTwinHarness(LifecycleTwinEmulator emulator, LifecycleTwinClient client, LifecycleTwinOptions options)
    {
        Emu = emulator;
        Client = client;
        Options = options;
    }

    public LifecycleTwinEmulator Emu { get; }

    public LifecycleTwinClient Client { get; }

    public LifecycleTwinOptions Options { get; }

    public override EmulatorBase Emulator => Emu;

    public int PasswordGrants => Emu.PasswordGrantsIssued;

    public override string ReadPath => "/api/clientprojects/" + Emu.ProjectId;

    public static async Task<LifecycleTwinHarness> StartAsync(SecretAudit audit, Action<LifecycleTwinOptions>? configure = null, HarnessClocks? clocks = null)
    {
        var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { TimeProvider = EmulatorClock(clocks) });
        var options = new LifecycleTwinOptions
        {
            BaseUrl = emulator.BaseUri,
            ClientId = emulator.ClientId,
            ClientSecret = emulator.ClientSecret,
            Username = emulator.Username,
            Password = emulator.Password,
            ClientName = emulator.ClientName,
            ProjectId = emulator.ProjectId,
        };
        Tune(options);
        configure?.Invoke(options);
        audit.AddSecret(options.ClientSecret);
        audit.AddSecret(options.Password);
        audit.AddApiOrigin(emulator.BaseUri);
        audit.ObserveText(options.ToString());
        var client = new LifecycleTwinClient(options, transport: audit.Transport.CreateClient(), loggerFactory: audit.LoggerFactory, timeProvider: clocks?.Client);
        return new LifecycleTwinHarness(emulator, client, options);
    }

    public override Task ReadAsync(CancellationToken cancellationToken) => Client.Sites.GetSiteAsync(Emu.ProjectId, cancellationToken: cancellationToken);

    public override async ValueTask DisposeAsync() => await Emu.DisposeAsync();
}
