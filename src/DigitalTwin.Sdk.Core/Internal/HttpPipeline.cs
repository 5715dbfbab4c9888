using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Builds the handler chain without DI: telemetry → caller's per-call handlers → typed exceptions → resilience pipeline
/// → attempt → caller's per-attempt handlers → rate limit → authentication → transport.
/// </summary>
internal static class HttpPipeline
{
    public static SocketsHttpHandler CreateDefaultTransport(DigitalTwinClientOptions options) => new()
    {
        // Trace context goes to third-party vendor APIs only on request (DigitalTwinClientOptions.PropagateTraceContext).
        ActivityHeadersPropagator = options.PropagateTraceContext ? System.Diagnostics.DistributedContextPropagator.Current : null,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = options.AutomaticDecompression,

        // Redirects are not followed automatically: a redirect must never carry credentials to another origin.
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    public static HttpMessageHandler CreateHandler(ClientRuntime runtime, HttpMessageHandler transport, bool authenticate, bool rateLimit)
    {
        HttpMessageHandler inner = transport;
        if (authenticate)
        {
            inner = new AuthenticationHandler(runtime) { InnerHandler = inner };
        }

        if (rateLimit)
        {
            inner = new RateLimitHandler(runtime) { InnerHandler = inner };
        }

        // The same pipeline definition as the DI client's AddResilienceHandler (ClientRegistration), run by the same
        // handler of Microsoft.Extensions.Http.Resilience; each attempt passes through AttemptHandler.
        inner = UserHandlerSlot.Wrap(runtime.Options, HttpPipelinePosition.PerAttempt, inner);
        inner = new AttemptHandler(runtime) { InnerHandler = inner };
        inner = new Microsoft.Extensions.Http.Resilience.ResilienceHandler(ResiliencePipelineFactory.Create(runtime)) { InnerHandler = inner };

        // The typed exceptions are made right above the resilience handler. Without per-call handlers of the caller that is
        // the telemetry handler itself (one asynchronous layer less per call); with them, a layer of its own below them.
        var perCall = runtime.Options.CreateHandlers(HttpPipelinePosition.PerCall);
        if (perCall.Length == 0)
        {
            return new TelemetryHandler(runtime, translatesResilienceExceptions: true) { InnerHandler = inner };
        }

        inner = new UserHandlerSlot(perCall) { InnerHandler = new ResilienceExceptionHandler(runtime) { InnerHandler = inner } };
        return new TelemetryHandler(runtime) { InnerHandler = inner };
    }

    /// <summary>
    /// Creates an invoker over the pipeline. <paramref name="transport"/> is the caller's own client, or
    /// <see langword="null"/> for the SDK default. A plain <see cref="HttpMessageInvoker"/> (not an
    /// <see cref="HttpClient"/>) runs the chain: the pipeline owns timeouts and buffering, and a message it sends is not
    /// marked as sent, so the caller's client can take it as it is.
    /// </summary>
    public static HttpMessageInvoker CreateClient(ClientRuntime runtime, HttpClient? transport, bool authenticate = true, bool rateLimit = true)
    {
        HttpMessageHandler primary = transport is null ? CreateDefaultTransport(runtime.Options) : new TransportHandler(transport);
        return new PipelineInvoker(CreateHandler(runtime, primary, authenticate, rateLimit));
    }

    /// <summary>
    /// An <see cref="HttpClient"/> over the handler chain of <paramref name="invoker"/> (for declared REST interfaces,
    /// which need a client with a base address). It does not own the chain: disposing it leaves the invoker working.
    /// </summary>
    public static HttpClient CreateHttpClient(HttpMessageInvoker invoker, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (invoker is HttpClient fromFactory)
        {
            // IHttpClientFactory hands out a new client per call over its pooled handler chain: ours to configure.
            fromFactory.BaseAddress = baseAddress;
            return fromFactory;
        }

        if (invoker is not PipelineInvoker pipeline)
        {
            throw new InvalidOperationException("The client pipeline was not built by HttpPipeline.");
        }

        return new HttpClient(new SentRequestHandler { InnerHandler = pipeline.Handler }, disposeHandler: false)
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The invoker of a standalone client: keeps its handler chain reachable for <see cref="CreateHttpClient"/>.</summary>
    private sealed class PipelineInvoker(HttpMessageHandler handler) : HttpMessageInvoker(handler, disposeHandler: true)
    {
        public HttpMessageHandler Handler { get; } = handler;
    }

    /// <summary>Marks a request an <see cref="HttpClient"/> already sent, so a caller's transport client gets a copy (see <see cref="TransportHandler"/>).</summary>
    private sealed class SentRequestHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            TransportHandler.MarkSent(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
