using System.Text.Json;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.Testing.Hosting;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// Siemens Building X: read = GET a partition; unsafe POST = create a device (JSON:API create, not idempotent);
/// idempotent POST = the client-credentials token request (no side effect, declared idempotent by the client),
/// forced by revoking the emulator's tokens before a read.
/// </summary>
public sealed class BuildingXHarness : VendorHarness
{
    private int _created;

    private BuildingXHarness(BuildingXEmulator emulator, BuildingXClient client, BuildingXOptions options)
    {
        Emu = emulator;
        Client = client;
        Options = options;
    }

    public BuildingXEmulator Emu { get; }

    public BuildingXClient Client { get; }

    public BuildingXOptions Options { get; }

    public override EmulatorBase Emulator => Emu;

    public override string ReadPath => BuildingXEmulator.ApiBasePath + "/partitions/" + Emu.DocumentedPartitionId + "/devices/" + Emu.StandaloneDeviceIds[0];

    public override string UnsafePostPath => BuildingXEmulator.ApiBasePath + "/partitions/" + Emu.DocumentedPartitionId + "/devices";

    public override string IdempotentPostPath => BuildingXEmulator.TokenPath;

    /// <summary>Gets how many devices the unsafe POST asked to create.</summary>
    public int CreatesSent => Volatile.Read(ref _created);

    public static async Task<BuildingXHarness> StartAsync(SecretAudit audit, Action<BuildingXOptions>? configure = null, HarnessClocks? clocks = null)
    {
        // The emulator's per-client limit is raised so only injected faults answer 429 in the suite.
        var emulator = await BuildingXEmulator.StartAsync(new BuildingXEmulatorOptions { RequestsPerSecond = 1000, TimeProvider = EmulatorClock(clocks) });
        var options = new BuildingXOptions
        {
            BaseUrl = emulator.ApiBaseUri,
            AccountsBaseUrl = emulator.AccountsBaseUri,
            TokenUrl = emulator.TokenUri,
            ClientId = emulator.ClientId,
            ClientSecret = emulator.ClientSecret,
        };
        Tune(options);
        options.RateLimit.PermitsPerSecond = 1000;
        configure?.Invoke(options);
        audit.AddSecret(options.ClientSecret);
        audit.AddApiOrigin(emulator.BaseUri);
        audit.ObserveText(options.ToString());
        var client = new BuildingXClient(options, transport: audit.Transport.CreateClient(), loggerFactory: audit.LoggerFactory, timeProvider: clocks?.Client);
        return new BuildingXHarness(emulator, client, options);
    }

    public override Task ReadAsync(CancellationToken cancellationToken) => Client.Devices.GetDeviceAsync(Emu.DocumentedPartitionId, Emu.StandaloneDeviceIds[0], cancellationToken: cancellationToken);

    public override Task UnsafePostAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _created);
        var attributes = JsonDocument.Parse($$"""{"name":"Reliability pump {{n}}","serialNumber":"R-{{n}}"}""").RootElement.Clone();
        return Client.Resources.CreateResourceAsync(
            "partitions/" + Emu.DocumentedPartitionId + "/devices",
            new JsonApiResource<JsonElement> { Type = "Device", Attributes = attributes },
            cancellationToken);
    }

    /// <summary>Revokes every issued token, so the next read's 401 makes the client POST for a new one.</summary>
    public override Task IdempotentPostAsync(CancellationToken cancellationToken)
    {
        Emu.RevokeTokens();
        return ReadAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync() => await Emu.DisposeAsync();
}
