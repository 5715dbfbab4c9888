using System.Diagnostics.CodeAnalysis;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Sdk.Core.Configuration;

/// <summary>Shared DI wiring of a vendor client: options + validation, runtimes, and the named HTTP clients with the SDK pipeline.</summary>
internal static class ClientRegistration
{
    public static string HttpClientName(string vendorKey, string name) => $"DigitalTwin.{vendorKey}.{name}";

    /// <summary>
    /// Registers the options, the API and token runtimes (keyed by the HTTP client names) and both named clients.
    /// <paramref name="createTokenSource"/> receives the services, the token runtime (no auth, no rate limit) and the options,
    /// and returns the vendor's token source (cached by a <see cref="Auth.TokenCache"/>), or <see langword="null"/> for unauthenticated APIs.
    /// </summary>
    public static IHttpClientBuilder AddVendorHttpClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        string vendorKey,
        string vendorDisplayName,
        string name,
        string sectionPath,
        Func<IServiceProvider, ClientRuntime, TOptions, Auth.ITokenSource?> createTokenSource)
        where TOptions : DigitalTwinClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        services.AddOptions<TOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new DigitalTwinOptionsValidator<TOptions>(sectionPath)));
        services.TryAddSingleton(TimeProvider.System);

        var apiName = HttpClientName(vendorKey, name);
        var tokenName = apiName + ".Token";

        services.AddKeyedSingleton<ClientRuntime>(tokenName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var runtime = new ClientRuntime(vendorDisplayName, options, sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>(), useRateLimit: false);
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            runtime.UseHttpClientFactory(() => factory.CreateClient(tokenName));
            return runtime;
        });

        services.AddKeyedSingleton<ClientRuntime>(apiName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var runtime = new ClientRuntime(vendorDisplayName, options, sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>());
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            runtime.UseHttpClientFactory(() => factory.CreateClient(apiName));
            if (sp.GetKeyedService<Auth.ITokenProvider>(apiName) is { } credential)
            {
                // The host app's own credential (UseCredential) replaces the vendor's grant flow.
                runtime.Tokens = credential;
            }
            else if (createTokenSource(sp, sp.GetRequiredKeyedService<ClientRuntime>(tokenName), options) is { } source)
            {
                runtime.Tokens = new Auth.TokenCache(source, runtime.Time, new Auth.TokenCacheOptions { Vendor = runtime.Vendor });
            }

            return runtime;
        });

        services.AddHttpClient(tokenName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => HttpPipeline.CreateDefaultTransport(sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name)))
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new TelemetryHandler(sp.GetRequiredKeyedService<ClientRuntime>(tokenName)))
            .AddResilience(tokenName);

        return services.AddHttpClient(apiName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => HttpPipeline.CreateDefaultTransport(sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name)))
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => new TelemetryHandler(sp.GetRequiredKeyedService<ClientRuntime>(apiName)))
            .AddResilience(apiName)
            .AddHttpMessageHandler(sp => new RateLimitHandler(sp.GetRequiredKeyedService<ClientRuntime>(apiName)))
            .AddHttpMessageHandler(sp => new AuthenticationHandler(sp.GetRequiredKeyedService<ClientRuntime>(apiName)));
    }

    /// <summary>
    /// The resilience part of a named client, as <see cref="HttpPipeline.CreateHandler"/> builds it standalone: typed
    /// exceptions, then the client's Polly pipeline through <c>AddResilienceHandler</c> (one definition,
    /// <see cref="ResiliencePipelineFactory.Configure"/>), then the per-attempt handler.
    /// </summary>
    private static IHttpClientBuilder AddResilience(this IHttpClientBuilder builder, string runtimeKey)
    {
        builder.AddHttpMessageHandler(sp => new ResilienceExceptionHandler(sp.GetRequiredKeyedService<ClientRuntime>(runtimeKey)));
        builder.AddResilienceHandler(
            ResiliencePipelineFactory.PipelineName,
            (pipeline, context) => ResiliencePipelineFactory.Configure(pipeline, context.ServiceProvider.GetRequiredKeyedService<ClientRuntime>(runtimeKey)));
        return builder.AddHttpMessageHandler(sp => new AttemptHandler(sp.GetRequiredKeyedService<ClientRuntime>(runtimeKey)));
    }

    /// <summary>Registers the client interface as a keyed singleton under <paramref name="name"/>, and unkeyed for the default name.</summary>
    public static void AddClient<TInterface, TClient>(IServiceCollection services, string vendorKey, string name, Func<ClientRuntime, TClient> create)
        where TInterface : class
        where TClient : class, TInterface
    {
        var apiName = HttpClientName(vendorKey, name);
        services.AddKeyedSingleton<TInterface>(name, (sp, _) => create(sp.GetRequiredKeyedService<ClientRuntime>(apiName)));
        if (name == Options.DefaultName)
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<TInterface>(name));
        }
    }
}
