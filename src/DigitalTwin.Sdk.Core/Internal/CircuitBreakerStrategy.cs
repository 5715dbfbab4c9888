using Polly;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>The <see cref="CircuitBreaker"/> as a strategy of the client's Polly pipeline (between retry and attempt timeout).</summary>
internal sealed class CircuitBreakerStrategy(CircuitBreaker breaker) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        if (!breaker.TryEnter(out var rejection))
        {
            return Outcome.FromException<HttpResponseMessage>(rejection!);
        }

        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception ex)
        {
            outcome = Outcome.FromException<HttpResponseMessage>(ex);
        }

        breaker.Record(outcome, context.CancellationToken);
        return outcome;
    }
}
