namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Innermost handler that forwards to a caller-supplied <see cref="HttpClient"/> (the transport of the non-DI constructor).</summary>
internal sealed class TransportHandler(HttpClient transport) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        transport.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
