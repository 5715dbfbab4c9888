using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Autodesk.Tandem.Auth;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Core.Configuration;
using DigitalTwin.Sdk.Core.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Autodesk Tandem client.</summary>
public static class TandemServiceCollectionExtensions
{
    private const string VendorKey = "Tandem";

    /// <summary>
    /// Registers <see cref="ITandemClient"/> (keyed by <paramref name="name"/>, and unkeyed for the default name) with options
    /// bound from configuration section <c>DigitalTwin:Tandem</c> (keys <c>BaseUrl</c>, <c>AuthUrl</c>, <c>ClientId</c>,
    /// <c>ClientSecret</c>, <c>TwinId</c>, ...) and validated on start. Three-legged refresh tokens go to the registered
    /// <see cref="ITandemTokenStore"/> (in memory unless you register one).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options after binding; <see langword="null"/> for none.</param>
    /// <param name="name">Options and client name, for several Tandem tenants in one app.</param>
    /// <returns>The builder of the API's named <see cref="HttpClient"/>, to add your own handlers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddTandem(this IServiceCollection services, Action<TandemOptions>? configure = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        name ??= Options.Options.DefaultName;
        var section = name == Options.Options.DefaultName ? TandemOptions.SectionName : TandemOptions.SectionName + ":" + name;
        // Bind only when the app has configuration, so apps that configure in code need no IConfiguration.
        var optionsBuilder = services.AddOptions<TandemOptions>(name)
            .Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection(section).Bind(options));
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton<ITandemTokenStore, InMemoryTandemTokenStore>();
        services.AddKeyedSingleton<TandemSignInState>(name);
        var builder = ClientRegistration.AddVendorHttpClient<TandemOptions>(
            services,
            VendorKey,
            TandemClient.VendorName,
            name,
            section,
            (sp, tokens, options) =>
            {
                var source = TandemClient.CreateTokenSource(tokens, options, sp.GetRequiredService<ITandemTokenStore>());
                sp.GetRequiredKeyedService<TandemSignInState>(name).ThreeLegged = source as ThreeLeggedTokenSource;
                return source;
            });
        services.AddKeyedSingleton<ITandemClient>(name, (sp, _) =>
        {
            var apiName = ClientRegistration.HttpClientName(VendorKey, name);
            var api = sp.GetRequiredKeyedService<ClientRuntime>(apiName);
            var tokens = sp.GetRequiredKeyedService<ClientRuntime>(apiName + ".Token");
            return new TandemClient(api, tokens, (TandemOptions)api.Options, sp.GetRequiredService<ITandemTokenStore>(), sp.GetRequiredKeyedService<TandemSignInState>(name).ThreeLegged);
        });
        if (name == Options.Options.DefaultName)
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<ITandemClient>(Options.Options.DefaultName));
        }

        return builder;
    }
}
