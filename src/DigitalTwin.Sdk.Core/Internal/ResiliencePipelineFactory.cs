using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// The one definition of a client's Polly pipeline: total timeout → retry → circuit breaker → attempt timeout. Under DI
/// it configures the named client's <c>AddResilienceHandler</c>; a standalone client runs it in a
/// <see cref="ResilienceHandler"/> (see <see cref="HttpPipeline"/>). Every attempt, the first included, runs through
/// all four strategies.
/// </summary>
internal static class ResiliencePipelineFactory
{
    /// <summary>The name of the pipeline (and of the named client's resilience handler under DI).</summary>
    public const string PipelineName = "DigitalTwin";

    /// <summary>Builds the pipeline of a standalone client.</summary>
    /// <param name="runtime">The client's runtime (options, clock, vendor, circuit state).</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<HttpResponseMessage> Create(ClientRuntime runtime)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = PipelineName };
        Configure(builder, runtime);
        return builder.Build();
    }

    /// <summary>Adds the client's strategies to <paramref name="builder"/> (the standalone and the DI pipeline alike).</summary>
    /// <param name="builder">An empty builder.</param>
    /// <param name="runtime">The client's runtime.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ClientRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(runtime);
        var options = runtime.Options;
        var time = runtime.Time;
        var vendor = runtime.Vendor;
        var classifier = runtime.Definition.Classifier;
        var retry = options.Retry ?? new RetryOptions();
        builder.TimeProvider = time;

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = retry.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, retry, time, classifier)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ComputeDelay(args.AttemptNumber, args.Outcome, retry, time)),
                OnRetry = args =>
                {
                    Telemetry.DigitalTwinTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("digitaltwin.vendor", vendor));
                    return default;
                },
            });
        }

        if (options.CircuitBreaker is { Enabled: true } breaker)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                Name = "CircuitBreaker",
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = args => new ValueTask<bool>(IsFailure(args.Outcome, args.Context.CancellationToken, classifier)),
                StateProvider = runtime.CircuitState,
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    /// <summary>Whether an attempt's outcome counts as a failure for the circuit breaker: 5xx, or a connection, I/O or timeout failure; never a cancelled call.</summary>
    /// <param name="outcome">The attempt's outcome.</param>
    /// <param name="cancellationToken">The call's token.</param>
    /// <returns><see langword="true"/> for a failure.</returns>
    /// <param name="classifier">The vendor's classifier.</param>
    internal static bool IsFailure(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken, ResponseClassifier classifier)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return outcome.Exception switch
        {
            null => outcome.Result is { } r && classifier.IsFailure(r),
            HttpRequestException or TimeoutRejectedException or IOException => true,
            _ => false,
        };
    }

    /// <summary>The request surely never reached the server: the connection was never established.</summary>
    internal static bool NeverLeft(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError } => true,
        _ => false,
    };

    /// <summary>Whether the retry strategy retries after <paramref name="outcome"/>.</summary>
    /// <param name="outcome">An attempt's outcome.</param>
    /// <param name="context">The call's context (its cancellation token and request).</param>
    /// <param name="retry">The retry options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="classifier">The vendor's classifier.</param>
    /// <returns><see langword="true"/> to retry.</returns>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, RetryOptions retry, TimeProvider time, ResponseClassifier classifier)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var request = context.GetRequestMessage();
        var idempotent = request is not null && DigitalTwinRequestOptions.IsIdempotent(request);
        if (outcome.Exception is { } exception)
        {
            if (NeverLeft(exception))
            {
                return true;
            }

            if (!idempotent || exception is ResponseTooLargeException)
            {
                return false;
            }

            return exception is TimeoutRejectedException or IOException
                || exception is HttpRequestException { HttpRequestError: not HttpRequestError.ConfigurationLimitExceeded };
        }

        if (outcome.Result is not { } response || !classifier.IsTransient(response) || !idempotent)
        {
            return false;
        }

        var retryAfter = RetryAfter.Read(response, time);
        return retryAfter is null || retryAfter <= retry.MaxRetryAfter;
    }

    private static TimeSpan ComputeDelay(int attempt, Outcome<HttpResponseMessage> outcome, RetryOptions retry, TimeProvider time)
    {
        var delay = Resilience.Backoff.Delay(attempt, retry.BaseDelay, retry.MaxDelay);
        if (outcome.Result is { } response && RetryAfter.Read(response, time) is { } retryAfter && retryAfter > delay)
        {
            // A larger server Retry-After wins (ShouldRetry already refused one above RetryOptions.MaxRetryAfter).
            delay = retryAfter;
        }

        return delay;
    }
}
