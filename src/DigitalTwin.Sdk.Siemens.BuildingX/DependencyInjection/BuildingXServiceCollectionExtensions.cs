using DigitalTwin.Sdk.Core.Configuration;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Siemens Building X client.</summary>
public static class BuildingXServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IBuildingXClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (credentials at least).</param>
    /// <returns>The builder of the underlying HTTP client, to add your own handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Options are validated at start-up (<c>ValidateOnStart</c>), naming each missing or bad setting.</remarks>
    public static IHttpClientBuilder AddBuildingX(this IServiceCollection services, Action<BuildingXOptions> configure) =>
        services.AddBuildingX(Microsoft.Extensions.Options.Options.DefaultName, configure);

    /// <summary>Registers <see cref="IBuildingXClient"/> bound to a configuration section (usually <c>DigitalTwin:BuildingX</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>BaseUrl, AccountsBaseUrl, TokenUrl, ClientId, ClientSecret, Audience, PartitionId</c>.</param>
    /// <returns>The builder of the underlying HTTP client.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddBuildingX(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddBuildingX(Microsoft.Extensions.Options.Options.DefaultName, o => configuration.Bind(o));
    }

    /// <summary>Registers a named <see cref="IBuildingXClient"/> bound to a configuration section (resolve it with <c>GetRequiredKeyedService&lt;IBuildingXClient&gt;(name)</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">Client name.</param>
    /// <param name="configuration">The section holding <c>BaseUrl, AccountsBaseUrl, TokenUrl, ClientId, ClientSecret, Audience, PartitionId</c>.</param>
    /// <returns>The builder of the underlying HTTP client.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddBuildingX(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddBuildingX(name, o => configuration.Bind(o));
    }

    /// <summary>
    /// Registers a named <see cref="IBuildingXClient"/> (resolve it with <c>GetRequiredKeyedService&lt;IBuildingXClient&gt;(name)</c>),
    /// so one app can talk to several tenants.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">Client name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the underlying HTTP client.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddBuildingX(this IServiceCollection services, string name, Action<BuildingXOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(name, configure);
        var builder = ClientRegistration.AddVendorHttpClient<BuildingXOptions>(
            services,
            BuildingXDefinition.Instance,
            name,
            static (_, tokenRuntime, options) => new BuildingXTokenSource(tokenRuntime, options));
        ClientRegistration.AddClient<IBuildingXClient, BuildingXClient>(services, BuildingXDefinition.Instance, name, static runtime => new BuildingXClient(runtime));
        return builder;
    }
}
