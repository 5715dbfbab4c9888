using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

internal static class LifecycleTwinFixture
{
    public static LifecycleTwinOptions OptionsFor(LifecycleTwinEmulator emulator, bool withProject = true)
    {
        var options = new LifecycleTwinOptions
        {
            BaseUrl = emulator.BaseUri,
            ClientId = emulator.ClientId,
            ClientSecret = emulator.ClientSecret,
            Username = emulator.Username,
            Password = emulator.Password,
            ClientName = emulator.ClientName,
            ProjectId = withProject ? emulator.ProjectId : null,
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }
}
