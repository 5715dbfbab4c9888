using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

/// <summary>One default emulator (250 assets) with a signed-in <see cref="LifecycleTwinApi"/>, shared by a test class.</summary>
public sealed class LifecycleTwinEmulatorFixture : IAsyncLifetime
{
    private LifecycleTwinEmulator? _emulator;
    private LifecycleTwinApi? _api;

    public LifecycleTwinEmulator Emulator => _emulator!;

    internal LifecycleTwinApi Api => _api!;

    public async Task InitializeAsync()
    {
        _emulator = await LifecycleTwinEmulator.StartAsync();
        _api = new LifecycleTwinApi(_emulator);
        await _api.SignInAsync();
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
