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
        catch (Exception ex) when (Translate(runtime, request, ex, cancellationToken) is { } typed)
        {
            throw typed;
        }
    }

    /// <summary>
    /// The SDK's typed exception for what the resilience pipeline gave up with, or <see langword="null"/> when
    /// <paramref name="exception"/> passes through as it is (a cancelled call, an exception of the SDK's family).
    /// </summary>
    /// <remarks>
    /// The standalone pipeline without per-call handlers of the caller runs this from <see cref="TelemetryHandler"/>
    /// instead of a handler of its own: one asynchronous layer less per call, the same exceptions.
    /// </remarks>
    public static Exception? Translate(ClientRuntime runtime, HttpRequestMessage request, Exception exception, CancellationToken cancellationToken) => exception switch
    {
        TimeoutRejectedException ex when !cancellationToken.IsCancellationRequested => new DigitalTwinTimeoutException(
            $"{runtime.Vendor}: {request.Method} {request.RequestUri?.AbsolutePath} timed out after {ex.Timeout.TotalSeconds:0.###} s ({request.GetAttemptCount()} attempt(s)).", ex),
        BrokenCircuitException ex => new DigitalTwinCircuitOpenException(
            $"{runtime.Vendor}: the circuit breaker is open after repeated failures; {request.Method} {request.RequestUri?.AbsolutePath} was not sent.", ex)
        {
            RetryAfter = ex.RetryAfter,
        },
        ResponseTooLargeException ex => new DigitalTwinInvalidResponseException(
            new ApiErrorInfo(runtime.Vendor, System.Net.HttpStatusCode.OK) { Method = request.Method.Method, Path = request.RequestUri?.AbsolutePath },
            $"{runtime.Vendor}: the response to {request.Method} {request.RequestUri?.AbsolutePath} is larger than MaxResponseBytes ({ex.Limit} bytes).",
            ex),
        HttpRequestException or IOException when !cancellationToken.IsCancellationRequested => new DigitalTwinConnectionException(
            $"{runtime.Vendor}: {request.Method} {request.RequestUri?.AbsolutePath} failed after {request.GetAttemptCount()} attempt(s): {exception.Message}", exception),
        _ => null,
    };
}
