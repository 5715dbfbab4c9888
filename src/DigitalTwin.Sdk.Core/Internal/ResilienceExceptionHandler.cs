using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Right above the resilience handler: turns what the pipeline gives up with into the SDK's typed exceptions
/// (<see cref="DigitalTwinTimeoutException"/> with the attempt count, <see cref="DigitalTwinCircuitOpenException"/> with
/// the time the circuit stays open, <see cref="DigitalTwinInvalidResponseException"/> for a body above the limit,
/// <see cref="DigitalTwinConnectionException"/>). A cancelled call stays cancelled.
/// </summary>
internal sealed class ResilienceExceptionHandler(ClientRuntime runtime) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DigitalTwinTimeoutException(
                $"{runtime.Vendor}: {request.Method} {request.RequestUri?.AbsolutePath} timed out after {ex.Timeout.TotalSeconds:0.###} s ({request.GetAttemptCount()} attempt(s)).", ex);
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
    }
}
