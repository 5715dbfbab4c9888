namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Innermost handler that forwards to a caller-supplied <see cref="HttpClient"/> (the transport of the non-DI constructor).</summary>
/// <remarks>
/// <see cref="HttpClient"/> refuses a message that another <see cref="HttpClient"/> (the SDK's own) already sent, so each
/// attempt goes out as a copy sharing the original's content, headers and options; the response points back at the original.
/// </remarks>
internal sealed class TransportHandler(HttpClient transport) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = request.Content,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        IDictionary<string, object?> options = copy.Options;
        foreach (var option in request.Options)
        {
            options[option.Key] = option.Value;
        }

        // The copy is not disposed: disposing it would dispose the content it shares with the original request.
        var response = await transport.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.RequestMessage = request;
        return response;
    }
}
