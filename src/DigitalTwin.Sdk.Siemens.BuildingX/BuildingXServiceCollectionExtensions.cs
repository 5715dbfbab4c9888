using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Configuration;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Siemens.BuildingX.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IBuildingXClient"/> with the SDK pipeline.</summary>
public static class BuildingXServiceCollectionExtensions
{
    private const string VendorKey = "BuildingX";

    /// <summary>Registers a Building X client configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (credentials at least).</param>
    /// <param name="name">Options name, so one app can hold several tenants; the default client when omitted.</param>
    /// <returns>The builder of the API's named <see cref="HttpClient"/>, to chain own handlers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <remarks>Options are validated at start-up (<c>ValidateOnStart</c>); resolve the named client as a keyed <see cref="IBuildingXClient"/>.</remarks>
    public static IHttpClientBuilder AddBuildingX(this IServiceCollection services, Action<BuildingXOptions> configure, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        name ??= Options.Options.DefaultName;
        services.Configure(name, configure);
        return Register(services, name);
    }

    /// <summary>Registers a Building X client bound to configuration section <c>DigitalTwin:BuildingX</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root holding the <c>DigitalTwin:BuildingX</c> section.</param>
    /// <param name="name">Options name; the default client when omitted.</param>
    /// <returns>The builder of the API's named <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddBuildingX(this IServiceCollection services, IConfiguration configuration, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        name ??= Options.Options.DefaultName;
        services.AddOptions<BuildingXOptions>(name).Bind(configuration.GetSection(BuildingXOptions.SectionName));
        return Register(services, name);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string name)
    {
        var builder = ClientRegistration.AddVendorHttpClient<BuildingXOptions>(
            services,
            VendorKey,
            BuildingXClient.VendorName,
            name,
            BuildingXOptions.SectionName,
            static (sp, api, token, options) => api.Tokens = new TokenCache(new BuildingXTokenSource(token, options), api.Time));
        ClientRegistration.AddClient<IBuildingXClient, BuildingXClient>(services, VendorKey, name, static runtime => new BuildingXClient(runtime));
        return builder;
    }
}
