namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Innermost handler that forwards to a caller-supplied <see cref="HttpClient"/> (the transport of the non-DI constructor).
/// </summary>
/// <remarks>
/// The SDK's own <see cref="HttpClient"/> already marked the request as sent, and a message can pass through
/// <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/> only once, so each
/// attempt goes out as a copy (same method, URL, version, headers, options and — re-readable — content).
/// </remarks>
internal sealed class TransportHandler(HttpClient transport) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = request.Content is null ? null : new NonDisposingContent(request.Content),
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        var response = await transport.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.RequestMessage = request;
        return response;
    }

    /// <summary>Wraps the original content so disposing the copy leaves it readable for a retry.</summary>
    private sealed class NonDisposingContent : HttpContent
    {
        private readonly HttpContent _inner;

        public NonDisposingContent(HttpContent inner)
        {
            _inner = inner;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            _inner.CopyToAsync(stream);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
            _inner.CopyToAsync(stream, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }
    }
}
