using System.Net;

namespace DigitalTwin.Sdk.Core.Pipeline;

/// <summary>
/// Decides which answers the resilience pipeline may retry and which count against the circuit breaker. The base
/// class treats 408, 429, 500, 502, 503 and 504 as transient and every 5xx as a failure; a vendor whose API signals
/// a transient condition otherwise derives from it and passes the instance to its <see cref="ClientDefinition"/>.
/// Whether a request may be retried at all (its idempotency) is decided by the pipeline, not here.
/// </summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public class ResponseClassifier
{
    /// <summary>Gets the classifier with the default rules.</summary>
    public static ResponseClassifier Default { get; } = new();

    /// <summary>Whether an idempotent request that got <paramref name="response"/> may be sent again.</summary>
    /// <param name="response">The answer of one attempt.</param>
    /// <returns><see langword="true"/> for a transient answer.</returns>
    public virtual bool IsTransient(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
    }

    /// <summary>Whether <paramref name="response"/> counts as a failure of the service for the circuit breaker.</summary>
    /// <param name="response">The answer of one attempt.</param>
    /// <returns><see langword="true"/> for a server-side failure.</returns>
    public virtual bool IsFailure(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (int)response.StatusCode >= 500;
    }
}
