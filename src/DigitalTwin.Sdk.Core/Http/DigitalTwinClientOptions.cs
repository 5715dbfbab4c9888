using System.Net;

namespace DigitalTwin.Sdk.Core.Http;

/// <summary>Settings every vendor client shares: endpoint, retries, timeouts, circuit breaker, rate limit, logging.</summary>
/// <remarks>Vendor options classes derive from this and add their credentials.</remarks>
public abstract class DigitalTwinClientOptions
{
    private readonly List<(Func<DelegatingHandler> Create, HttpPipelinePosition Position)> _handlers = [];

    /// <summary>Gets or sets the API base URL.</summary>
    /// <value>The vendor's documented default where there is one.</value>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets the retry policy.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Gets or sets the circuit breaker policy.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Gets or sets the client-side rate limit.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Gets or sets the timeout of one attempt (request sent to body read).</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the timeout of a whole operation, all retries and back-off included.</summary>
    /// <value>Defaults to 2 minutes.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the largest response body the client reads; a larger one is a <see cref="DigitalTwinInvalidResponseException"/>.</summary>
    /// <value>Defaults to 32 MiB.</value>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Gets or sets a value indicating whether request and response bodies are logged at Trace level (secrets redacted).</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool LogBodies { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the SDK's own HTTP transport sends the W3C trace context
    /// (<c>traceparent</c>, <c>tracestate</c>, <c>baggage</c>) of the current activity to the vendor API.
    /// </summary>
    /// <value>
    /// Defaults to <see langword="false"/>: these are third-party services outside the caller's trace, so trace ids are
    /// not handed to them and the service does not pay for parsing them. The SDK's activities are recorded either way.
    /// Applies to the SDK's default transport; a caller-supplied <see cref="HttpClient"/> keeps its own propagator.
    /// </value>
    public bool PropagateTraceContext { get; set; }

    /// <summary>
    /// Gets or sets the response encodings the SDK's own HTTP transport asks for (<c>Accept-Encoding</c>) and decodes.
    /// </summary>
    /// <value>
    /// Defaults to <see cref="System.Net.DecompressionMethods.None"/>, as <see cref="HttpClient"/> does: the request
    /// carries no <c>Accept-Encoding</c> and each call skips the decoding layer, which costs about 4 % of a small GET on
    /// loopback (docs/performance.md). Set <see cref="System.Net.DecompressionMethods.All"/> where large pages travel
    /// over slow links and the service compresses them. Applies to the SDK's default transport; a caller-supplied
    /// <see cref="HttpClient"/> keeps its own setting.
    /// </value>
    public System.Net.DecompressionMethods AutomaticDecompression { get; set; }

    /// <summary>
    /// Adds a handler of the caller's to every request of the client, with and without DI: once per call outside the
    /// resilience pipeline (<see cref="HttpPipelinePosition.PerCall"/>: it sees the final answer or the SDK exception),
    /// or once per attempt inside it (<see cref="HttpPipelinePosition.PerAttempt"/>: before the rate limiter and the
    /// credential, so it never sees the bearer token). Handlers run in the order added.
    /// </summary>
    /// <param name="createHandler">Creates a new handler each time a pipeline is built (DI rebuilds pipelines when it rotates connections).</param>
    /// <param name="position">Where the handler runs.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is not defined.</exception>
    public void AddHandler(Func<DelegatingHandler> createHandler, HttpPipelinePosition position)
    {
        ArgumentNullException.ThrowIfNull(createHandler);
        if (!Enum.IsDefined(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown pipeline position.");
        }

        _handlers.Add((createHandler, position));
    }

    /// <summary>Creates the caller's handlers of <paramref name="position"/>, in the order added.</summary>
    internal DelegatingHandler[] CreateHandlers(HttpPipelinePosition position)
    {
        var handlers = new List<DelegatingHandler>();
        foreach (var (create, at) in _handlers)
        {
            if (at == position)
            {
                handlers.Add(create() ?? throw new InvalidOperationException("A handler factory passed to AddHandler returned null."));
            }
        }

        return [.. handlers];
    }

    /// <summary>Gets a value indicating whether plain <c>http</c> is accepted for non-loopback hosts.</summary>
    /// <value><see langword="false"/> for cloud APIs; vendors on a local network may allow it by an explicit option.</value>
    protected virtual bool AllowsInsecureHttp => false;

    /// <summary>
    /// Gets the addresses whose origins (scheme://host:port) may receive the bearer token: the base URL's by default.
    /// A vendor whose API spans several hosts (an accounts API, a CDN it signs for) overrides this; a request to any other
    /// origin is sent without credentials.
    /// </summary>
    /// <returns>The allowed addresses; only their origins count.</returns>
    protected internal virtual IEnumerable<Uri> GetCredentialOrigins() => BaseUrl is null ? [] : [BaseUrl];

    /// <summary>
    /// Gets the credential's identity without its secrets (token endpoint, client id, user or audience): processes that
    /// configure the same identity share one token through an <see cref="Auth.ISharedTokenStore"/>. Only a hash of it is
    /// ever stored (<see cref="Auth.SharedTokenSource.KeyFor"/>).
    /// </summary>
    /// <returns>The identity, or <see langword="null"/> when the vendor has no grant flow to share (the default).</returns>
    protected internal virtual string? GetCredentialIdentity() => null;

    /// <summary>Checks the settings and collects one message per problem, naming the setting.</summary>
    /// <param name="sectionPath">Configuration path of these options, e.g. <c>DigitalTwin:LifecycleTwin</c>.</param>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate(string sectionPath)
    {
        var errors = new List<string>();
        ValidateCore(errors, sectionPath);
        return errors;
    }

    /// <summary>Collects validation problems; overrides call the base and add their own.</summary>
    /// <param name="errors">Where problems go.</param>
    /// <param name="sectionPath">Configuration path of these options.</param>
    protected virtual void ValidateCore(ICollection<string> errors, string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ValidateEndpoint(errors, sectionPath, nameof(BaseUrl), BaseUrl, required: true);
        if (Retry is null)
        {
            errors.Add($"{sectionPath}:{nameof(Retry)} must be set.");
        }
        else
        {
            if (Retry.MaxRetries is < 0 or > 10)
            {
                errors.Add($"{sectionPath}:{nameof(Retry)}:{nameof(RetryOptions.MaxRetries)} must be between 0 and 10 (was {Retry.MaxRetries}).");
            }

            if (Retry.BaseDelay < TimeSpan.Zero || Retry.MaxDelay < Retry.BaseDelay)
            {
                errors.Add($"{sectionPath}:{nameof(Retry)}: BaseDelay must be non-negative and not above MaxDelay.");
            }
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{sectionPath}: {nameof(AttemptTimeout)} and {nameof(TotalTimeout)} must be positive.");
        }

        if (RateLimit is not null && (RateLimit.PermitsPerSecond < 0 || RateLimit.Burst < 1 || RateLimit.QueueLimit < 0))
        {
            errors.Add($"{sectionPath}:{nameof(RateLimit)}: PermitsPerSecond must be >= 0, Burst >= 1 and QueueLimit >= 0.");
        }

        if (CircuitBreaker is not null && CircuitBreaker.Enabled
            && (CircuitBreaker.FailureRatio is <= 0 or > 1 || CircuitBreaker.MinimumThroughput < 2
                || CircuitBreaker.SamplingDuration < TimeSpan.FromMilliseconds(500) || CircuitBreaker.BreakDuration < TimeSpan.FromMilliseconds(500)))
        {
            errors.Add($"{sectionPath}:{nameof(CircuitBreaker)}: FailureRatio must be in (0, 1], MinimumThroughput >= 2, durations >= 0.5 s.");
        }

        if (MaxResponseBytes < 1024)
        {
            errors.Add($"{sectionPath}:{nameof(MaxResponseBytes)} must be at least 1024.");
        }
    }

    /// <summary>Checks one endpoint URL: absolute, and <c>https</c> unless the host is loopback (or insecure http is allowed).</summary>
    /// <param name="errors">Where problems go.</param>
    /// <param name="sectionPath">Configuration path of these options.</param>
    /// <param name="name">Setting name.</param>
    /// <param name="url">The URL.</param>
    /// <param name="required">Whether a missing URL is a problem.</param>
    protected void ValidateEndpoint(ICollection<string> errors, string sectionPath, string name, Uri? url, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (url is null)
        {
            if (required)
            {
                errors.Add($"{sectionPath}:{name} is required.");
            }

            return;
        }

        if (!url.IsAbsoluteUri)
        {
            errors.Add($"{sectionPath}:{name} must be an absolute URL (was '{url}').");
            return;
        }

        var secure = url.Scheme is "https" or "wss";
        var plain = url.Scheme is "http" or "ws";
        if (!secure && !plain)
        {
            errors.Add($"{sectionPath}:{name} must use https (was '{url.Scheme}').");
        }
        else if (plain && !IsLoopback(url) && !AllowsInsecureHttp)
        {
            errors.Add($"{sectionPath}:{name} must use https; plain {url.Scheme} is accepted only for loopback hosts (was '{url.GetLeftPart(UriPartial.Authority)}').");
        }
    }

    /// <summary>Tells whether <paramref name="url"/> points at this machine (localhost, 127.0.0.0/8, ::1).</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns><see langword="true"/> for loopback hosts.</returns>
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsLoopback
            || string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
