using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the iTwin IoT client (<see cref="IITwinIoTClient"/>) with its HTTP pipeline.</summary>
public static class ITwinIoTServiceCollectionExtensions
{
    /// <summary>Registers the default iTwin IoT client configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The REST <see cref="IHttpClientBuilder"/>, to add your own handlers or <c>.UseCredential(...)</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddITwinIoT(this IServiceCollection services, Action<ITwinIoTOptions> configure) =>
        services.AddITwinIoT(Microsoft.Extensions.Options.Options.DefaultName, configure);

    /// <summary>Registers the default iTwin IoT client bound to a configuration section (normally <c>DigitalTwin:ITwinIoT</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section.</param>
    /// <returns>The REST <see cref="IHttpClientBuilder"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddITwinIoT(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddITwinIoT(Microsoft.Extensions.Options.Options.DefaultName, o => configuration.Bind(o));
    }

    /// <summary>Registers a named iTwin IoT client bound to a configuration section (resolve it as a keyed <see cref="IITwinIoTClient"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client name (one per tenant).</param>
    /// <param name="configuration">The section.</param>
    /// <returns>The REST <see cref="IHttpClientBuilder"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddITwinIoT(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddITwinIoT(name, o => configuration.Bind(o));
    }

    /// <summary>Registers a named iTwin IoT client (resolve it as a keyed <see cref="IITwinIoTClient"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client name (one per tenant).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The REST <see cref="IHttpClientBuilder"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddITwinIoT(this IServiceCollection services, string name, Action<ITwinIoTOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(name, configure);
        var builder = ClientRegistration.AddVendorHttpClient<ITwinIoTOptions>(
            services,
            ITwinIoTDefinition.Instance,
            name,
            (_, tokenRuntime, options) => ITwinIoTTokenSource.Create(tokenRuntime, options));
        ClientRegistration.AddClient<IITwinIoTClient, ITwinIoTClient>(
            services,
            ITwinIoTDefinition.Instance,
            name,
            runtime => new ITwinIoTClient(runtime, (ITwinIoTOptions)runtime.Options));
        return builder;
    }
}
