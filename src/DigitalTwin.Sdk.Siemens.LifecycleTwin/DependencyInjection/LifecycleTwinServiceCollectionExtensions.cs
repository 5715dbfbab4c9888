using DigitalTwin.Sdk.Core.Configuration;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Siemens Lifecycle Twin client.</summary>
public static class LifecycleTwinServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ILifecycleTwinClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the underlying HTTP client, to add your own handlers or <c>UseCredential(…)</c> for the host app's own tokens.</returns>
    public static IHttpClientBuilder AddLifecycleTwin(this IServiceCollection services, Action<LifecycleTwinOptions> configure) =>
        services.AddLifecycleTwin(Microsoft.Extensions.Options.Options.DefaultName, configure);

    /// <summary>Registers <see cref="ILifecycleTwinClient"/> bound to a configuration section (usually <c>DigitalTwin:LifecycleTwin</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>BaseUrl, ClientId, ClientSecret, Username, Password, ClientName, ProjectId</c>.</param>
    /// <returns>The builder of the underlying HTTP client.</returns>
    public static IHttpClientBuilder AddLifecycleTwin(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddLifecycleTwin(Microsoft.Extensions.Options.Options.DefaultName, o => configuration.Bind(o));
    }

    /// <summary>Registers a named <see cref="ILifecycleTwinClient"/> bound to a configuration section (resolve it with <c>GetRequiredKeyedService&lt;ILifecycleTwinClient&gt;(name)</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">Client name.</param>
    /// <param name="configuration">The section holding <c>BaseUrl, ClientId, ClientSecret, Username, Password, ClientName, ProjectId</c>.</param>
    /// <returns>The builder of the underlying HTTP client.</returns>
    public static IHttpClientBuilder AddLifecycleTwin(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddLifecycleTwin(name, o => configuration.Bind(o));
    }

    /// <summary>Registers a named <see cref="ILifecycleTwinClient"/> (resolve it with <c>GetRequiredKeyedService&lt;ILifecycleTwinClient&gt;(name)</c>), so one app can talk to several tenants.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">Client name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the underlying HTTP client.</returns>
    public static IHttpClientBuilder AddLifecycleTwin(this IServiceCollection services, string name, Action<LifecycleTwinOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(name, configure);
        var builder = ClientRegistration.AddVendorHttpClient<LifecycleTwinOptions>(
            services,
            LifecycleTwinDefinition.Instance,
            name,
            (_, tokenRuntime, options) => new LifecycleTwinTokenSource(tokenRuntime, options));
        ClientRegistration.AddClient<ILifecycleTwinClient, LifecycleTwinClient>(
            services,
            LifecycleTwinDefinition.Instance,
            name,
            runtime => new LifecycleTwinClient(runtime, (LifecycleTwinOptions)runtime.Options));
        return builder;
    }
}
