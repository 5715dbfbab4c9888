using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;

namespace DigitalTwin.Sdk.Core.Pipeline;

/// <summary>
/// Everything one configured vendor client shares across its requests: its definition, options, clock, logger, token
/// provider, rate limiter, circuit state and the pipeline-equipped invoker. Vendor clients send through it with the
/// extension methods of <see cref="HttpApi"/>; <see cref="StandaloneClient"/> and
/// <see cref="Configuration.ClientRegistration"/> build it (without and with DI).
/// </summary>
/// <remarks>Thread-safe; one per configured client (DI: one per options name). The invoker is attached once, after the pipeline that refers to this runtime is built.</remarks>
public sealed class ClientRuntime
{
    private Func<HttpMessageInvoker>? _httpClientFactory;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="definition">The vendor's definition.</param>
    /// <param name="options">The validated options.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="loggerFactory">The logger factory; no logging when <see langword="null"/>.</param>
    /// <param name="rateLimiters">
    /// The registry holding the API's client-side limiter (<see cref="DigitalTwinClientOptions.RateLimit"/>), or
    /// <see langword="null"/> for a runtime that sends unlimited (a token endpoint's).
    /// </param>
    /// <param name="tokens">The token provider; <see langword="null"/> for APIs (or token endpoints) without authentication.</param>
    public ClientRuntime(ClientDefinition definition, DigitalTwinClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, RateLimiterRegistry? rateLimiters = null, ITokenProvider? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        Definition = definition;
        Options = options;
        Time = timeProvider ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Logger = LoggerFactory.CreateLogger("DigitalTwin.Sdk." + definition.Key);
        Tokens = tokens;
        RateLimiters = rateLimiters;
        CredentialScope = options.GetCredentialIdentity() is { } identity
            ? "|" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16))
            : string.Empty;
        CredentialOrigins = [.. options.GetCredentialOrigins().Where(static u => u.IsAbsoluteUri).Select(static u => u.GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.OrdinalIgnoreCase)];
        if (options.CircuitBreaker is { Enabled: true })
        {
            CircuitState = new CircuitBreakerStateProvider();
        }

        if (rateLimiters is not null && options.RateLimit is { PermitsPerSecond: > 0 } limit && options.BaseUrl is not null)
        {
            var key = definition.DisplayName + "|" + options.BaseUrl.GetLeftPart(UriPartial.Path) + CredentialScope;
            Limiter = rateLimiters.GetOrCreate(RateLimitQuota.PerSecond(key, limit.PermitsPerSecond, limit.Burst, limit.QueueLimit) with { Vendor = definition.Key }, Time);
        }
    }

    /// <summary>
    /// Gets the credential's part of a quota key: <c>|</c> and a hash of <see cref="DigitalTwinClientOptions"/>'s credential
    /// identity, or empty when the vendor has none. A vendor counts its quotas per credential, so two credentials on one
    /// API spend two quotas, and one credential in many processes one.
    /// </summary>
    public string CredentialScope { get; }

    /// <summary>Gets the vendor's definition.</summary>
    public ClientDefinition Definition { get; }

    /// <summary>Gets the vendor API's display name (<see cref="ClientDefinition.DisplayName"/>).</summary>
    public string Vendor => Definition.DisplayName;

    /// <summary>Gets the client's options.</summary>
    public DigitalTwinClientOptions Options { get; }

    /// <summary>Gets the clock every timeout, retry delay, token expiry and limiter uses.</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets the logger factory.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Gets the client's logger (category <c>DigitalTwin.Sdk.</c> + <see cref="ClientDefinition.Key"/>).</summary>
    public ILogger Logger { get; }

    /// <summary>Gets the registry the client's limiters come from, or <see langword="null"/> for an unlimited runtime.</summary>
    public RateLimiterRegistry? RateLimiters { get; }

    /// <summary>
    /// Gets the state of the pipeline's circuit breaker (Polly's own), or <see langword="null"/> when the breaker is
    /// off. It belongs to the one pipeline built for this runtime (<see cref="ResiliencePipelineFactory.Configure"/>).
    /// </summary>
    public CircuitBreakerStateProvider? CircuitState { get; }

    /// <summary>Gets a value indicating whether requests flow freely: no breaker, or a closed circuit.</summary>
    public bool CircuitClosed => CircuitState is null || CircuitState.CircuitState == Polly.CircuitBreaker.CircuitState.Closed;

    /// <summary>Gets the API's shared client-side limiter, or <see langword="null"/> when limiting is off.</summary>
    public RateLimiter? Limiter { get; }

    /// <summary>Gets the token provider; <see langword="null"/> for APIs without authentication.</summary>
    public ITokenProvider? Tokens { get; }

    /// <summary>Gets the origins (scheme://host:port) the token may be sent to (<see cref="DigitalTwinClientOptions.GetCredentialOrigins"/>).</summary>
    public IReadOnlyCollection<string> CredentialOrigins { get; }

    /// <summary>
    /// Gets a pipeline-equipped invoker (DI: an <see cref="System.Net.Http.HttpClient"/> from <c>IHttpClientFactory</c>;
    /// otherwise one shared <see cref="HttpMessageInvoker"/> over the handler chain). Send with
    /// <see cref="HttpMessageInvoker.SendAsync(HttpRequestMessage, CancellationToken)"/>: the pipeline buffers bodies itself.
    /// </summary>
    public HttpMessageInvoker HttpClient => (_httpClientFactory ?? throw new InvalidOperationException("The client pipeline is not initialized."))();

    /// <summary>Attaches the pipeline's invoker (once: the pipeline refers to this runtime, so it is built after it).</summary>
    /// <param name="factory">Returns the invoker to send with (DI: a client from <c>IHttpClientFactory</c>).</param>
    /// <exception cref="InvalidOperationException">An invoker is already attached.</exception>
    public void UseHttpClientFactory(Func<HttpMessageInvoker> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (Interlocked.CompareExchange(ref _httpClientFactory, factory, null) is not null)
        {
            throw new InvalidOperationException("The client pipeline is already attached.");
        }
    }

    /// <summary>
    /// Creates an <see cref="System.Net.Http.HttpClient"/> over this client's pipeline with <paramref name="baseAddress"/>,
    /// for a declared REST interface (Refit's generated clients need one). Every request still runs the whole pipeline.
    /// </summary>
    /// <param name="baseAddress">The address relative paths resolve against.</param>
    /// <returns>A client the caller may keep; disposing it leaves the pipeline working.</returns>
    public System.Net.Http.HttpClient CreateRestClient(Uri baseAddress) => HttpPipeline.CreateHttpClient(HttpClient, baseAddress);

    /// <summary>Whether the token may go to <paramref name="uri"/>: the base URL's origin, or one of <see cref="CredentialOrigins"/>.</summary>
    /// <param name="uri">The request URI.</param>
    /// <returns><see langword="true"/> when the origin is allowed.</returns>
    public bool MayReceiveCredentials(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return false;
        }

        if (Options.BaseUrl is { IsAbsoluteUri: true } b && SameOrigin(b, uri))
        {
            return true;
        }

        var origin = uri.GetLeftPart(UriPartial.Authority);
        foreach (var allowed in CredentialOrigins)
        {
            if (string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Scheme, host and port are equal (host case-insensitively); compared without building origin strings.</summary>
    private static bool SameOrigin(Uri a, Uri b) =>
        a.Port == b.Port
        && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);
}
