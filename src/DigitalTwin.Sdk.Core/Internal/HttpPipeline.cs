using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Builds the handler chain (telemetry → resilience → rate limit → authentication → transport) without DI.</summary>
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

        inner = new ResilienceHandler(runtime) { InnerHandler = inner };
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
        return new HttpMessageInvoker(CreateHandler(runtime, primary, authenticate, rateLimit), disposeHandler: true);
    }
}
