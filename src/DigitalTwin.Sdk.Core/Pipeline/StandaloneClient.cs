using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.RateLimiting;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Core.Pipeline;

/// <summary>
/// Builds the runtime of a client constructed without DI: validated options, the API pipeline (and the token
/// endpoint's, when the vendor's grant flow is used), the token cache, and the rate limiters of
/// <see cref="RateLimiterRegistry.Shared"/>. The DI counterpart is <see cref="Configuration.ClientRegistration"/>.
/// </summary>
public static class StandaloneClient
{
    /// <summary>
    /// Creates the API runtime. A caller's <paramref name="credential"/> supplies the tokens; otherwise
    /// <paramref name="createTokenSource"/> receives the token endpoint's runtime (no credential, no rate limit) and
    /// returns the vendor's grant flow, or <see langword="null"/> for unauthenticated APIs.
    /// </summary>
    /// <param name="definition">The vendor's definition.</param>
    /// <param name="options">The options; validated here.</param>
    /// <param name="transport">The caller's HTTP client to send through, or <see langword="null"/> for the SDK's own transport.</param>
    /// <param name="loggerFactory">The logger factory, or <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="createTokenSource">Creates the vendor's grant flow over the token runtime; not called when <paramref name="credential"/> is given.</param>
    /// <param name="credential">The caller's credential, or <see langword="null"/>.</param>
    /// <returns>The runtime, its pipeline attached; the caller disposes <see cref="ClientRuntime.HttpClient"/> when done.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad setting.</exception>
    public static ClientRuntime Create(
        ClientDefinition definition,
        DigitalTwinClientOptions options,
        HttpClient? transport,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider,
        Func<ClientRuntime, ITokenSource?> createTokenSource,
        ITokenProvider? credential = null)
    {
        ArgumentNullException.ThrowIfNull(createTokenSource);
        var tokens = credential;
        if (tokens is null)
        {
            var tokenRuntime = CreateTokenRuntime(definition, options, transport, loggerFactory, timeProvider);
            if (createTokenSource(tokenRuntime) is { } source)
            {
                tokens = new TokenCache(source, tokenRuntime.Time, new TokenCacheOptions { Vendor = definition.DisplayName });
            }
        }

        return CreateApiRuntime(definition, options, transport, loggerFactory, timeProvider, tokens);
    }

    /// <summary>
    /// Creates the runtime of the vendor API: the whole pipeline with <paramref name="tokens"/> as the credential and the
    /// client-side limiter of <see cref="RateLimiterRegistry.Shared"/>. For vendors whose sign-in needs more than one
    /// grant flow (their own token runtime from <see cref="CreateTokenRuntime"/>).
    /// </summary>
    /// <param name="definition">The vendor's definition.</param>
    /// <param name="options">The options; validated here.</param>
    /// <param name="transport">The caller's HTTP client to send through, or <see langword="null"/> for the SDK's own transport.</param>
    /// <param name="loggerFactory">The logger factory, or <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="tokens">The token provider, or <see langword="null"/> for an API without authentication.</param>
    /// <returns>The runtime, its pipeline attached; the caller disposes <see cref="ClientRuntime.HttpClient"/> when done.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad setting.</exception>
    public static ClientRuntime CreateApiRuntime(ClientDefinition definition, DigitalTwinClientOptions options, HttpClient? transport, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, ITokenProvider? tokens)
    {
        Validate(definition, options);
        var runtime = new ClientRuntime(definition, options, timeProvider, loggerFactory, RateLimiterRegistry.Shared, tokens);
        var client = HttpPipeline.CreateClient(runtime, transport);
        runtime.UseHttpClientFactory(() => client);
        return runtime;
    }

    /// <summary>Creates the runtime of the vendor's token endpoint: the pipeline without credential and without rate limit.</summary>
    /// <param name="definition">The vendor's definition.</param>
    /// <param name="options">The options; validated here.</param>
    /// <param name="transport">The caller's HTTP client to send through, or <see langword="null"/> for the SDK's own transport.</param>
    /// <param name="loggerFactory">The logger factory, or <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <returns>The runtime, its pipeline attached; the caller disposes <see cref="ClientRuntime.HttpClient"/> when done.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad setting.</exception>
    public static ClientRuntime CreateTokenRuntime(ClientDefinition definition, DigitalTwinClientOptions options, HttpClient? transport, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        Validate(definition, options);
        var runtime = new ClientRuntime(definition, options, timeProvider, loggerFactory);
        var client = HttpPipeline.CreateClient(runtime, transport, authenticate: false, rateLimit: false);
        runtime.UseHttpClientFactory(() => client);
        return runtime;
    }

    private static void Validate(ClientDefinition definition, DigitalTwinClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate(definition.SectionPath);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid options: " + string.Join(" ", errors), nameof(options));
        }
    }
}
