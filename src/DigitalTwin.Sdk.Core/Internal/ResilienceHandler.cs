using DigitalTwin.Sdk.Core.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Runs each call through the client's Polly pipeline (total timeout → retry → circuit breaker → attempt
/// timeout). Every attempt re-enters the inner handlers, so it takes a fresh rate-limit permit and the current
/// token. Bodies are read inside the attempt, so a truncated body counts as a failed attempt.
/// </summary>
/// <remarks>
/// The common case runs without Polly's per-strategy async layers: while the circuit is closed, the first attempt is
/// sent right here under one timer (the attempt timeout, or the total timeout when that is shorter). When no retry
/// follows (success, or a failure that is not retried), the circuit breaker records the outcome directly and it is the
/// call's: that is all the pipeline would do with it. Only an attempt that is retried passes into the pipeline (see
/// <see cref="FirstAttempt"/>), where the retry strategy judges it like any other attempt and the further attempts run
/// with the time the total timeout has left.
/// </remarks>
internal sealed class ResilienceHandler(ClientRuntime runtime) : DelegatingHandler
{
    private readonly AttemptTimers _timers = new(runtime.Time);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelineFactory.RequestKey, request);
        var attempts = 0;
        try
        {
            Outcome<HttpResponseMessage> outcome;
            if (runtime.CircuitClosed)
            {
                // The first attempt, inline (one async layer for the whole call on the common path).
                var options = runtime.Options;
                var started = runtime.Time.GetTimestamp();
                var totalFirst = options.TotalTimeout <= options.AttemptTimeout;
                var timeout = totalFirst ? options.TotalTimeout : options.AttemptTimeout;
                var timer = _timers.Rent(timeout);
                HttpResponseMessage? response = null;
                Outcome<HttpResponseMessage> first;
                try
                {
                    using (cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timer))
                    {
                        CountAttempt(request);
                        response = await base.SendAsync(request, timer.Token).ConfigureAwait(false);
                        await BufferAsync(request, response, timer.Token).ConfigureAwait(false);
                    }

                    first = Outcome.FromResult(response);
                }
                catch (Exception ex)
                {
                    response?.Dispose();
                    first = Outcome.FromException<HttpResponseMessage>(
                        ex is OperationCanceledException && timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                            ? TimedOut(timeout, ex)
                            : TranslateBufferingFailure(ex));
                }
                finally
                {
                    _timers.Return(timer);
                }

                if (totalFirst && first.Exception is TimeoutRejectedException)
                {
                    // The whole call's time is up: no retry, as when the pipeline's total timeout fires.
                    outcome = first;
                }
                else if (options.Retry is { MaxRetries: > 0 } retry && ResiliencePipelineFactory.ShouldRetry(first, context, retry, runtime.Time))
                {
                    outcome = await RetryInPipelineAsync(first, request, context, started).ConfigureAwait(false);
                }
                else
                {
                    // No retry follows: the circuit breaker records the outcome, which is the call's (all the pipeline
                    // would do with it).
                    runtime.Breaker?.RecordFirstAttempt(first, cancellationToken);
                    outcome = first;
                }
            }
            else
            {
                outcome = await runtime.Pipeline.ExecuteOutcomeAsync(
                    static (ctx, state) => state.handler.SendAttemptAsync(state.request, ctx.CancellationToken),
                    context,
                    (handler: this, request)).ConfigureAwait(false);
            }

            attempts = request.GetAttemptCount();
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whichever timeout fired, the caller hears of the configured one: a total timeout that a retried call's
            // pipeline ran with only the time left after its first attempt is still the total timeout.
            var timeout = ex.Timeout == runtime.Options.AttemptTimeout ? ex.Timeout : runtime.Options.TotalTimeout;
            throw new DigitalTwinTimeoutException(
                $"{runtime.Vendor}: {request.Method} {request.RequestUri?.AbsolutePath} timed out after {timeout.TotalSeconds:0.###} s ({Math.Max(attempts, request.GetAttemptCount())} attempt(s)).", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new DigitalTwinCircuitOpenException(
                $"{runtime.Vendor}: the circuit breaker is open after repeated failures; {request.Method} {request.RequestUri?.AbsolutePath} was not sent.", ex)
            {
                RetryAfter = ex.RetryAfter,
            };
        }
        catch (ResponseTooLargeException ex)
        {
            throw new DigitalTwinInvalidResponseException(
                new ApiErrorInfo(runtime.Vendor, System.Net.HttpStatusCode.OK) { Method = request.Method.Method, Path = request.RequestUri?.AbsolutePath },
                $"{runtime.Vendor}: the response to {request.Method} {request.RequestUri?.AbsolutePath} is larger than MaxResponseBytes ({ex.Limit} bytes).",
                ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new DigitalTwinConnectionException(
                $"{runtime.Vendor}: {request.Method} {request.RequestUri?.AbsolutePath} failed after {request.GetAttemptCount()} attempt(s): {ex.Message}", ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The exception Polly's timeout strategy raises, for a timeout that fired outside the pipeline.</summary>
    private static TimeoutRejectedException TimedOut(TimeSpan timeout, Exception? inner)
    {
        var message = $"The operation didn't complete within the allowed timeout of '{timeout}'.";
        return inner is null ? new(message, timeout) : new(message, timeout, inner);
    }

    private static void CountAttempt(HttpRequestMessage request) =>
        request.Options.Set(DigitalTwinRequestOptions.AttemptsKey, request.GetAttemptCount() + 1);

    /// <summary>A body the buffer limit refused becomes <see cref="ResponseTooLargeException"/>; anything else stays as it is.</summary>
    private Exception TranslateBufferingFailure(Exception exception) =>
        exception is HttpRequestException ex && (ex.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded
            || ex.Message.Contains("buffer size", StringComparison.OrdinalIgnoreCase))
            ? new ResponseTooLargeException(runtime.Options.MaxResponseBytes)
            : exception;

    /// <summary>
    /// Hands a first attempt that is to be retried to the pipeline: the circuit breaker records it, the retry strategy
    /// judges it, and further attempts run under the time the total timeout has left.
    /// </summary>
    private async ValueTask<Outcome<HttpResponseMessage>> RetryInPipelineAsync(Outcome<HttpResponseMessage> first, HttpRequestMessage request, ResilienceContext context, long started)
    {
        var options = runtime.Options;
        var left = options.TotalTimeout - runtime.Time.GetElapsedTime(started);
        if (left <= TimeSpan.Zero)
        {
            first.Result?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(TimedOut(options.TotalTimeout, null));
        }

        var handed = new FirstAttempt(first, left);
        context.Properties.Set(ResiliencePipelineFactory.FirstAttemptKey, handed);
        var outcome = await runtime.Pipeline.ExecuteOutcomeAsync(
            static (ctx, state) => state.handed.TryTake(out var taken) ? new ValueTask<Outcome<HttpResponseMessage>>(taken) : state.handler.SendAttemptAsync(state.request, ctx.CancellationToken),
            context,
            (handler: this, request, handed)).ConfigureAwait(false);
        if (handed.IsPending)
        {
            // The circuit opened while the first attempt was on its way, so the pipeline refused to run: the request
            // was sent all the same, and its own outcome is the call's.
            outcome.Result?.Dispose();
            return first;
        }

        return outcome;
    }

    /// <summary>An attempt inside the pipeline: counts it, sends it and buffers the body; every failure becomes the attempt's outcome.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            CountAttempt(request);
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await BufferAsync(request, response, cancellationToken).ConfigureAwait(false);
            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(TranslateBufferingFailure(ex));
        }
    }

    /// <summary>
    /// Checks the declared length against <see cref="DigitalTwinClientOptions.MaxResponseBytes"/> and reads the body
    /// into memory (at most that many bytes), so the caller parses it synchronously and a truncated body fails the
    /// attempt. A body that is already a byte array in memory (an in-memory transport's answer) is complete and its
    /// length was checked; buffering it again would only copy it. A HEAD answer has no body. A successful answer to a
    /// request marked with <see cref="DigitalTwinRequestOptions.StreamSuccessBody"/> is left unread: its caller parses it
    /// as it arrives, in constant memory.
    /// </summary>
    private Task BufferAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (DigitalTwinRequestOptions.IsStreamed(request, response))
        {
            return Task.CompletedTask;
        }

        var limit = runtime.Options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new ResponseTooLargeException(limit);
        }

        return request.Method == HttpMethod.Head || response.Content is ByteArrayContent
            ? Task.CompletedTask
            : response.Content.LoadIntoBufferAsync(limit, cancellationToken);
    }
}
