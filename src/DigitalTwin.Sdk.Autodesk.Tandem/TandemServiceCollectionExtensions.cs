using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Configuration;
using DigitalTwin.Sdk.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Autodesk Tandem client.</summary>
public static class TandemServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITandemClient"/> with options bound from configuration section <c>DigitalTwin:Tandem</c> when the app
    /// registered an <see cref="IConfiguration"/>, then adjusted by <paramref name="configure"/>, and validated on start.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options after binding.</param>
    /// <returns>The builder of the API's named <see cref="HttpClient"/>, to add your own handlers or <c>UseCredential</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>
    /// Three-legged refresh tokens go to the store set with <see cref="TandemOptions.UseTokenStore"/>, else to the registered <see cref="ITandemTokenStore"/>
    /// (in memory unless you register one). With an <see cref="ISharedTokenStore"/> registered (<c>UseRedis</c>) and
    /// <see cref="TandemOptions.SessionId"/> set, the three-legged session is shared with the other processes that name it.
    /// </remarks>
    public static IHttpClientBuilder AddTandem(this IServiceCollection services, Action<TandemOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, Options.Options.DefaultName, configure, configuration: null);
    }

    /// <summary>Registers <see cref="ITandemClient"/> with options bound from <paramref name="configuration"/> (e.g. the section <c>DigitalTwin:Tandem</c>) and validated on start.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>BaseUrl</c>, <c>TokenUrl</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>Flow</c>, ...</param>
    /// <returns>The builder of the API's named <see cref="HttpClient"/>, to add your own handlers or <c>UseCredential</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddTandem(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, Options.Options.DefaultName, configure: null, configuration);
    }

    /// <summary>
    /// Registers a named <see cref="ITandemClient"/> (resolve it with <c>GetRequiredKeyedService&lt;ITandemClient&gt;(name)</c>) with
    /// options bound from section <c>DigitalTwin:Tandem:{name}</c> when the app registered an <see cref="IConfiguration"/>, then
    /// adjusted by <paramref name="configure"/>, and validated on start.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">Options and client name, for several Tandem tenants in one app.</param>
    /// <param name="configure">Adjusts the options after binding.</param>
    /// <returns>The builder of the API's named <see cref="HttpClient"/>, to add your own handlers or <c>UseCredential</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddTandem(this IServiceCollection services, string name, Action<TandemOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, name, configure, configuration: null);
    }

    /// <summary>Registers a named <see cref="ITandemClient"/> (resolve it with <c>GetRequiredKeyedService&lt;ITandemClient&gt;(name)</c>) with options bound from <paramref name="configuration"/> and validated on start.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">Options and client name, for several Tandem tenants in one app.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The builder of the API's named <see cref="HttpClient"/>, to add your own handlers or <c>UseCredential</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddTandem(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, name, configure: null, configuration);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name, Action<TandemOptions>? configure, IConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var section = name == Options.Options.DefaultName ? TandemOptions.SectionName : TandemOptions.SectionName + ":" + name;
        var optionsBuilder = services.AddOptions<TandemOptions>(name);

        if (configuration is not null)
        {
            optionsBuilder.Configure(options => configuration.Bind(options));
        }
        else
        {
            // Bind only when the app has configuration, so apps that configure in code need no IConfiguration.
            optionsBuilder.Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(section).Bind(options));
        }

        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton<ITandemTokenStore, InMemoryTandemTokenStore>();
        services.AddKeyedSingleton<TandemSignInState>(name);
        var builder = ClientRegistration.AddVendorHttpClient<TandemOptions>(
            services,
            TandemDefinition.Instance,
            name,
            (sp, tokens, options) =>
            {
                var (source, threeLegged) = TandemClient.CreateTokenSource(
                    tokens,
                    options,
                    options.GetTokenStore() ?? sp.GetRequiredService<ITandemTokenStore>(),
                    sp.GetService<ISharedTokenStore>(),
                    sp.GetService<SharedTokenOptions>());
                sp.GetRequiredKeyedService<TandemSignInState>(name).ThreeLegged = threeLegged;
                return source;
            },
            section);
        services.AddKeyedSingleton<ITandemClient>(name, (sp, _) =>
        {
            var apiName = ClientRegistration.HttpClientName(TandemDefinition.Instance, name);
            var api = sp.GetRequiredKeyedService<ClientRuntime>(apiName);
            var tokens = sp.GetRequiredKeyedService<ClientRuntime>(apiName + ".Token");
            var options = (TandemOptions)api.Options;
            return new TandemClient(api, tokens, options, options.GetTokenStore() ?? sp.GetRequiredService<ITandemTokenStore>(), sp.GetRequiredKeyedService<TandemSignInState>(name).ThreeLegged);
        });
        if (name == Options.Options.DefaultName)
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<ITandemClient>(Options.Options.DefaultName));
        }

        return builder;
    }
}
