using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Everything one configured vendor client shares across its requests: options, clock, logger, token provider,
/// rate limiter, circuit state and the factory of pipeline-equipped <see cref="HttpClient"/>s.
/// </summary>
/// <remarks>Thread-safe; one per configured client (DI: one per options name).</remarks>
internal sealed class ClientRuntime
{
    private Func<HttpMessageInvoker>? _httpClientFactory;

    public ClientRuntime(string vendor, DigitalTwinClientOptions options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, bool useRateLimit = true, string? rateLimitKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentNullException.ThrowIfNull(options);
        Vendor = vendor;
        Options = options;
        Time = timeProvider ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Logger = LoggerFactory.CreateLogger("DigitalTwin.Sdk." + vendor.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (options.CircuitBreaker is { Enabled: true })
        {
            CircuitState = new CircuitBreakerStateProvider();
        }

        if (useRateLimit && options.RateLimit is { PermitsPerSecond: > 0 } limit && options.BaseUrl is not null)
        {
            Limiter = RateLimiterRegistry.GetOrCreate(rateLimitKey ?? vendor + "|" + options.BaseUrl.GetLeftPart(UriPartial.Path), limit);
        }
    }

    public string Vendor { get; }

    public DigitalTwinClientOptions Options { get; }

    public TimeProvider Time { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ILogger Logger { get; }

    /// <summary>
    /// Gets the state of the pipeline's circuit breaker (Polly's own), or <see langword="null"/> when the breaker is
    /// off. It belongs to the one pipeline built for this runtime (<see cref="ResiliencePipelineFactory.Configure"/>).
    /// </summary>
    public CircuitBreakerStateProvider? CircuitState { get; }

    /// <summary>Gets a value indicating whether requests flow freely: no breaker, or a closed circuit.</summary>
    public bool CircuitClosed => CircuitState is null || CircuitState.CircuitState == Polly.CircuitBreaker.CircuitState.Closed;

    public RateLimiter? Limiter { get; }

    /// <summary>Gets or sets the token provider; <see langword="null"/> for APIs without authentication.</summary>
    public ITokenProvider? Tokens { get; set; }

    /// <summary>Gets or sets the origins (scheme://host:port) the token may be sent to; the base URL's origin by default.</summary>
    public IReadOnlyCollection<string> CredentialOrigins { get; set; } = [];

    /// <summary>
    /// Gets a pipeline-equipped invoker (DI: an <see cref="System.Net.Http.HttpClient"/> from <c>IHttpClientFactory</c>;
    /// otherwise one shared <see cref="HttpMessageInvoker"/> over the handler chain). Send with
    /// <see cref="HttpMessageInvoker.SendAsync(HttpRequestMessage, CancellationToken)"/>: the pipeline buffers bodies itself.
    /// </summary>
    public HttpMessageInvoker HttpClient => (_httpClientFactory ?? throw new InvalidOperationException("The client pipeline is not initialized."))();

    public void UseHttpClientFactory(Func<HttpMessageInvoker> factory) => _httpClientFactory = factory;

    /// <summary>
    /// Creates an <see cref="System.Net.Http.HttpClient"/> over this client's pipeline with <paramref name="baseAddress"/>,
    /// for a declared REST interface (Refit's generated clients need one). Every request still runs the whole pipeline.
    /// </summary>
    /// <param name="baseAddress">The address relative paths resolve against.</param>
    /// <returns>A client the caller may keep; disposing it leaves the pipeline working.</returns>
    public System.Net.Http.HttpClient CreateRestClient(Uri baseAddress) => HttpPipeline.CreateHttpClient(HttpClient, baseAddress);

    public bool MayReceiveCredentials(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return false;
        }

        if (CredentialOrigins.Count == 0)
        {
            return Options.BaseUrl is { IsAbsoluteUri: true } b && SameOrigin(b, uri);
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
