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
internal sealed class ResilienceHandler(ClientRuntime runtime) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelineFactory.RequestKey, request);
        var attempts = 0;
        try
        {
            var outcome = await runtime.Pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.handler.SendAttemptAsync(state.request, ctx.CancellationToken),
                context,
                (handler: this, request)).ConfigureAwait(false);
            attempts = request.GetAttemptCount();
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DigitalTwinTimeoutException(
                $"{runtime.Vendor}: {request.Method} {request.RequestUri?.AbsolutePath} timed out after {ex.Timeout.TotalSeconds:0.###} s ({Math.Max(attempts, request.GetAttemptCount())} attempt(s)).", ex);
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

    /// <summary>One attempt: counts it, sends it and buffers the body; every failure becomes the attempt's outcome.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            request.Options.Set(DigitalTwinRequestOptions.AttemptsKey, request.GetAttemptCount() + 1);
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        try
        {
            var limit = runtime.Options.MaxResponseBytes;
            if (response.Content.Headers.ContentLength > limit)
            {
                throw new ResponseTooLargeException(limit);
            }

            // A body that is already a byte array in memory (an in-memory transport's answer) is complete and its length
            // was checked above; buffering it again would only copy it.
            if (request.Method != HttpMethod.Head && response.Content is not ByteArrayContent)
            {
                try
                {
                    await response.Content.LoadIntoBufferAsync(limit, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded
                    || ex.Message.Contains("buffer size", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ResponseTooLargeException(limit);
                }
            }

            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            response.Dispose();
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }
}
