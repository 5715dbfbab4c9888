using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Core.Configuration;
using Microsoft.Extensions.Configuration;

// DI extensions live in the framework's namespace so services.AddThreadEdge lights up without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the THREAD edge client (<see cref="IThreadEdgeClient"/>).</summary>
public static class ThreadEdgeServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IThreadEdgeClient"/> with the defaults: the THREAD this app runs on, <c>http://localhost/</c>.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The builder of the underlying HTTP client, to add your own handlers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddThreadEdge(this IServiceCollection services) =>
        services.AddThreadEdge(Microsoft.Extensions.Options.Options.DefaultName, static _ => { });

    /// <summary>Registers <see cref="IThreadEdgeClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, e.g. <c>BaseUrl</c> and <c>AllowInsecureHttp</c> for a THREAD on the LAN.</param>
    /// <returns>The builder of the underlying HTTP client, to add your own handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddThreadEdge(this IServiceCollection services, Action<ThreadEdgeOptions> configure) =>
        services.AddThreadEdge(Microsoft.Extensions.Options.Options.DefaultName, configure);

    /// <summary>Registers <see cref="IThreadEdgeClient"/> bound to a configuration section (usually <c>DigitalTwin:ThreadEdge</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>BaseUrl</c>, <c>AllowInsecureHttp</c>, <c>HardwareVersion</c> and the pipeline settings.</param>
    /// <returns>The builder of the underlying HTTP client, to add your own handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddThreadEdge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddThreadEdge(Microsoft.Extensions.Options.Options.DefaultName, o => configuration.Bind(o));
    }

    /// <summary>Registers a named <see cref="IThreadEdgeClient"/> bound to a configuration section (resolve it with <c>GetRequiredKeyedService&lt;IThreadEdgeClient&gt;(name)</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">Client name.</param>
    /// <param name="configuration">The section holding <c>BaseUrl</c>, <c>AllowInsecureHttp</c>, <c>HardwareVersion</c> and the pipeline settings.</param>
    /// <returns>The builder of the underlying HTTP client, to add your own handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddThreadEdge(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddThreadEdge(name, o => configuration.Bind(o));
    }

    /// <summary>Registers a named <see cref="IThreadEdgeClient"/> (resolve it with <c>GetRequiredKeyedService&lt;IThreadEdgeClient&gt;(name)</c>),
    /// so one app can talk to several THREADs.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">Client name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the underlying HTTP client, to add your own handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Options are validated at start-up (<c>ValidateOnStart</c>): plain http to a non-loopback host needs <c>AllowInsecureHttp</c>.</remarks>
    public static IHttpClientBuilder AddThreadEdge(this IServiceCollection services, string name, Action<ThreadEdgeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(name, configure);

        // The edge API has no authentication: no token source.
        var builder = ClientRegistration.AddVendorHttpClient<ThreadEdgeOptions>(
            services, ThreadEdgeDefinition.Instance, name, static (_, _, _) => null);
        ClientRegistration.AddClient<IThreadEdgeClient, ThreadEdgeClient>(
            services, ThreadEdgeDefinition.Instance, name, static runtime => new ThreadEdgeClient(runtime, (ThreadEdgeOptions)runtime.Options));
        return builder;
    }
}
