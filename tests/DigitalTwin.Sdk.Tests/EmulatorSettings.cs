using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Tests;

/// <summary>Configuration entries pointing the SDK at an emulator.</summary>
internal static class EmulatorSettings
{
    public static Dictionary<string, string?> For(LifecycleTwinEmulator emulator, string prefix = "DigitalTwin:LifecycleTwin") => new()
    {
        [prefix + ":BaseUrl"] = emulator.BaseUri.ToString(),
        [prefix + ":ClientId"] = emulator.ClientId,
        [prefix + ":ClientSecret"] = emulator.ClientSecret,
        [prefix + ":Username"] = emulator.Username,
        [prefix + ":Password"] = emulator.Password,
        [prefix + ":ClientName"] = emulator.ClientName,
        [prefix + ":ProjectId"] = emulator.ProjectId,
        [prefix + ":Retry:BaseDelay"] = "00:00:00.010",
        [prefix + ":Retry:MaxDelay"] = "00:00:00.050",
    };
}
