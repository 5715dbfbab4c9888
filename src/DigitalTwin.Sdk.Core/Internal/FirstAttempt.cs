using Polly;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// The outcome of a call's first attempt, sent before the call enters the Polly pipeline, when it is to be retried (see
/// <see cref="ResilienceHandler"/>). The pipeline's callback hands it over as the outcome of its first invocation, so
/// the retry and circuit-breaker strategies judge it like any other attempt.
/// </summary>
internal sealed class FirstAttempt(Outcome<HttpResponseMessage> outcome, TimeSpan totalTimeout)
{
    private Outcome<HttpResponseMessage>? _pending = outcome;

    /// <summary>Gets the time the pipeline's total timeout allows for the rest of the call.</summary>
    public TimeSpan TotalTimeout { get; } = totalTimeout;

    /// <summary>Gets a value indicating whether the outcome is still waiting to be handed to the pipeline.</summary>
    public bool IsPending => _pending is not null;

    /// <summary>Hands the outcome over once.</summary>
    /// <param name="outcome">The first attempt's outcome.</param>
    /// <returns><see langword="true"/> on the first call only.</returns>
    public bool TryTake(out Outcome<HttpResponseMessage> outcome)
    {
        if (_pending is { } pending)
        {
            _pending = null;
            outcome = pending;
            return true;
        }

        outcome = default;
        return false;
    }
}
