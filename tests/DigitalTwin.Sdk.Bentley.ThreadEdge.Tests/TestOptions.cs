using DigitalTwin.Sdk.Testing.ThreadEdge;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests;

/// <summary>Client options pointing at an emulator, with retry back-off off so tests never sleep.</summary>
internal static class TestOptions
{
    public static ThreadEdgeOptions For(ThreadEdgeEmulator emulator)
    {
        var options = new ThreadEdgeOptions { BaseUrl = emulator.BaseUri };
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
        return options;
    }
}
