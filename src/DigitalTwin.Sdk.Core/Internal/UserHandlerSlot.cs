using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Runs the caller's handlers of one position (<see cref="DigitalTwinClientOptions.AddHandler"/>) as a chain in front of
/// this handler's inner handler. The chain is linked on the first request, when the inner handler is known.
/// </summary>
internal sealed class UserHandlerSlot(DelegatingHandler[] handlers) : DelegatingHandler
{
    private HttpMessageInvoker? _chain;

    /// <summary>Wraps <paramref name="inner"/> in the caller's handlers of <paramref name="position"/>, or returns it as it is when there are none.</summary>
    public static HttpMessageHandler Wrap(DigitalTwinClientOptions options, HttpPipelinePosition position, HttpMessageHandler inner)
    {
        var handlers = options.CreateHandlers(position);
        return handlers.Length == 0 ? inner : new UserHandlerSlot(handlers) { InnerHandler = inner };
    }

    /// <summary>Creates the slot of <paramref name="position"/> for a DI client (a pass-through when the caller added none).</summary>
    public static UserHandlerSlot Create(DigitalTwinClientOptions options, HttpPipelinePosition position) => new(options.CreateHandlers(position));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (handlers.Length == 0)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var chain = Volatile.Read(ref _chain) ?? Link();
        return chain.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chain?.Dispose();
        }

        base.Dispose(disposing);
    }

    private HttpMessageInvoker Link()
    {
        lock (handlers)
        {
            if (_chain is not null)
            {
                return _chain;
            }

            for (var i = 0; i < handlers.Length - 1; i++)
            {
                handlers[i].InnerHandler = handlers[i + 1];
            }

            handlers[^1].InnerHandler = new Forwarder(this);
            var chain = new HttpMessageInvoker(handlers[0], disposeHandler: true);
            Volatile.Write(ref _chain, chain);
            return chain;
        }
    }

    /// <summary>The end of the caller's chain: continues with the slot's inner handler (not owned: the slot disposes it).</summary>
    private sealed class Forwarder(UserHandlerSlot slot) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            slot.SendInnerAsync(request, cancellationToken);
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
