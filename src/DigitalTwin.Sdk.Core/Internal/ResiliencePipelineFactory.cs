using System.Net;
using DigitalTwin.Sdk.Core.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Builds the Polly pipeline: total timeout → retry → circuit breaker → attempt timeout.</summary>
internal static class ResiliencePipelineFactory
{
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("DigitalTwin.Request");

    /// <summary>The call's first attempt when it was sent before the pipeline (see <see cref="ResilienceHandler"/>).</summary>
    internal static readonly ResiliencePropertyKey<FirstAttempt> FirstAttemptKey = new("DigitalTwin.FirstAttempt");

    /// <summary>Builds the pipeline.</summary>
    /// <param name="options">The client's options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="vendor">The vendor name for telemetry tags.</param>
    /// <param name="breaker">The client's circuit breaker, or <see langword="null"/> when the breaker is off.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<HttpResponseMessage> Create(DigitalTwinClientOptions options, TimeProvider time, string? vendor = null, CircuitBreaker? breaker = null)
    {
        var retry = options.Retry ?? new RetryOptions();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = "DigitalTwin" };

        // A call whose first attempt was sent before the pipeline (and is to be retried) brings the time its total
        // timeout has left, and its first pass through the attempt timeout runs no timer: the outcome is already there.
        var total = options.TotalTimeout;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = total,
            TimeoutGenerator = args => new ValueTask<TimeSpan>(
                args.Context.Properties.TryGetValue(FirstAttemptKey, out var first) ? first.TotalTimeout : total),
        });
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, retry, time)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ComputeDelay(args.AttemptNumber, args.Outcome, retry, time)),
                OnRetry = _ =>
                {
                    DigitalTwinTelemetry_Retry(vendor);
                    return default;
                },
            });
        }

        if (breaker is not null)
        {
            builder.AddStrategy(_ => new CircuitBreakerStrategy(breaker));
        }

        var attempt = options.AttemptTimeout;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = attempt,
            TimeoutGenerator = args => new ValueTask<TimeSpan>(
                args.Context.Properties.TryGetValue(FirstAttemptKey, out var first) && first.IsPending ? Timeout.InfiniteTimeSpan : attempt),
        });
        return builder.Build();
    }

    private static void DigitalTwinTelemetry_Retry(string? vendor)
    {
        if (vendor is null)
        {
            Telemetry.DigitalTwinTelemetry.Retries.Add(1);
        }
        else
        {
            Telemetry.DigitalTwinTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("digitaltwin.vendor", vendor));
        }
    }

    internal static bool IsTransientStatus(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

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
    /// <returns><see langword="true"/> to retry.</returns>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, RetryOptions retry, TimeProvider time)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var request = context.Properties.GetValue(RequestKey, null!);
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

        if (outcome.Result is not { } response || !IsTransientStatus(response.StatusCode) || !idempotent)
        {
            return false;
        }

        var retryAfter = ErrorResponseParser.ReadRetryAfter(response, time);
        return retryAfter is null || retryAfter <= retry.MaxRetryAfter;
    }

    private static TimeSpan ComputeDelay(int attempt, Outcome<HttpResponseMessage> outcome, RetryOptions retry, TimeProvider time)
    {
        var delay = Resilience.Backoff.Delay(attempt, retry.BaseDelay, retry.MaxDelay);
        if (outcome.Result is { } response && ErrorResponseParser.ReadRetryAfter(response, time) is { } retryAfter && retryAfter > delay)
        {
            // A larger server Retry-After wins.
            delay = retryAfter;
        }

        return delay;
    }
}
