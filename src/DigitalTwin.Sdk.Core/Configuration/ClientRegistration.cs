using System.Diagnostics.CodeAnalysis;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Sdk.Core.Configuration;

/// <summary>
/// The DI wiring every vendor client shares: options and their validation, the API and token runtimes, the named
/// HTTP clients with the SDK pipeline (telemetry, the caller's per-call handlers, typed exceptions, the Polly pipeline
/// through <c>AddResilienceHandler</c>, the caller's per-attempt handlers, rate limit, credential), and the container's
/// <see cref="RateLimiterRegistry"/> (over an <see cref="IRateLimiterFactory"/> registered before, if any).
/// The standalone counterpart is <see cref="StandaloneClient"/>.
/// </summary>
public static class ClientRegistration
{
    /// <summary>Gets the name of the HTTP client (and keyed runtime) of the vendor's client named <paramref name="name"/>.</summary>
    /// <param name="definition">The vendor's definition.</param>
    /// <param name="name">The options name (<see cref="Options.DefaultName"/> for the unnamed client).</param>
    /// <returns><c>DigitalTwin.{Key}.{name}</c>.</returns>
    public static string HttpClientName(ClientDefinition definition, string name)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return $"DigitalTwin.{definition.Key}.{name}";
    }

    /// <summary>
    /// Registers the options (validated on start), the API and token runtimes (keyed by the HTTP client names), both
    /// named HTTP clients and the container's <see cref="RateLimiterRegistry"/>. <paramref name="createTokenSource"/>
    /// receives the services, the token runtime (no credential, no rate limit) and the options, and returns the vendor's
    /// grant flow (cached by a <see cref="Auth.TokenCache"/>), or <see langword="null"/> for unauthenticated APIs; a
    /// credential registered with <see cref="DigitalTwinHttpClientBuilderExtensions.UseCredential"/> replaces it.
    /// </summary>
    /// <typeparam name="TOptions">The vendor's options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="definition">The vendor's definition.</param>
    /// <param name="name">The options name.</param>
    /// <param name="createTokenSource">Creates the vendor's grant flow.</param>
    /// <param name="sectionPath">The configuration section the options were bound from, when not <see cref="ClientDefinition.SectionPath"/> (named in validation messages).</param>
    /// <returns>The API client's builder, for further handlers.</returns>
    public static IHttpClientBuilder AddVendorHttpClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        ClientDefinition definition,
        string name,
        Func<IServiceProvider, ClientRuntime, TOptions, Auth.ITokenSource?> createTokenSource,
        string? sectionPath = null)
        where TOptions : DigitalTwinClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(createTokenSource);
        services.AddOptions<TOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new DigitalTwinOptionsValidator<TOptions>(sectionPath ?? definition.SectionPath)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RateLimiterRegistry(sp.GetService<IRateLimiterFactory>()));

        var apiName = HttpClientName(definition, name);
        var tokenName = apiName + ".Token";

        services.AddKeyedSingleton<ClientRuntime>(tokenName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var runtime = new ClientRuntime(definition, options, sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>());
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            runtime.UseHttpClientFactory(() => factory.CreateClient(tokenName));
            return runtime;
        });

        services.AddKeyedSingleton<ClientRuntime>(apiName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;

            // The host app's own credential (UseCredential) replaces the vendor's grant flow.
            var tokens = sp.GetKeyedService<Auth.ITokenProvider>(apiName);
            if (tokens is null && createTokenSource(sp, sp.GetRequiredKeyedService<ClientRuntime>(tokenName), options) is { } source)
            {
                // With a shared token store (scale-out), every process using this credential shares its tokens.
                if (sp.GetService<Auth.ISharedTokenStore>() is { } shared && shared.SharesVendor(definition.Key) && options.GetCredentialIdentity() is { } identity)
                {
                    source = new Auth.SharedTokenSource(
                        source,
                        shared,
                        Auth.SharedTokenSource.KeyFor(definition.Key, identity),
                        sp.GetService<Auth.SharedTokenOptions>(),
                        time,
                        sp.GetService<ILoggerFactory>()?.CreateLogger("DigitalTwin.Sdk." + definition.Key));
                }

                tokens = new Auth.TokenCache(source, time, new Auth.TokenCacheOptions { Vendor = definition.DisplayName });
            }

            var runtime = new ClientRuntime(definition, options, time, sp.GetService<ILoggerFactory>(), sp.GetRequiredService<RateLimiterRegistry>(), tokens);
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            runtime.UseHttpClientFactory(() => factory.CreateClient(apiName));
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
            .AddHttpMessageHandler(sp => UserHandlerSlot.Create(sp.GetRequiredKeyedService<ClientRuntime>(apiName).Options, HttpPipelinePosition.PerCall))
            .AddResilience(apiName)
            .AddHttpMessageHandler(sp => UserHandlerSlot.Create(sp.GetRequiredKeyedService<ClientRuntime>(apiName).Options, HttpPipelinePosition.PerAttempt))
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
    /// <typeparam name="TInterface">The client's interface.</typeparam>
    /// <typeparam name="TClient">The client class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="definition">The vendor's definition.</param>
    /// <param name="name">The options name.</param>
    /// <param name="create">Creates the client over the API runtime (the container owns the runtime and its pipeline).</param>
    public static void AddClient<TInterface, TClient>(IServiceCollection services, ClientDefinition definition, string name, Func<ClientRuntime, TClient> create)
        where TInterface : class
        where TClient : class, TInterface
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        var apiName = HttpClientName(definition, name);
        services.AddKeyedSingleton<TInterface>(name, (sp, _) => create(sp.GetRequiredKeyedService<ClientRuntime>(apiName)));
        if (name == Options.DefaultName)
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<TInterface>(name));
        }
    }
}
