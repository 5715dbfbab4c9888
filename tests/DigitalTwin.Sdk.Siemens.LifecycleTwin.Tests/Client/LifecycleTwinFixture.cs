using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// Creates a client with <paramref name="options"/> either directly or through <c>AddLifecycleTwin</c> (the
    /// transport settings copied), so a test can prove both construction paths put the same bytes on the wire.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="viaDependencyInjection">Whether to resolve the client from a service provider.</param>
    /// <param name="provider">The provider to dispose after the test, or <see langword="null"/>.</param>
    /// <returns>The client.</returns>
    public static ILifecycleTwinClient CreateClient(LifecycleTwinOptions options, bool viaDependencyInjection, out ServiceProvider? provider)
    {
        if (!viaDependencyInjection)
        {
            provider = null;
            return new LifecycleTwinClient(options);
        }

        var services = new ServiceCollection();
        services.AddLifecycleTwin(o =>
        {
            o.BaseUrl = options.BaseUrl;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.Username = options.Username;
            o.Password = options.Password;
            o.ClientName = options.ClientName;
            o.ProjectId = options.ProjectId;
            o.PropagateTraceContext = options.PropagateTraceContext;
            o.AutomaticDecompression = options.AutomaticDecompression;
        });
        provider = services.BuildServiceProvider();
        return provider.GetRequiredService<ILifecycleTwinClient>();
    }
}
