namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Innermost handler that forwards to a caller-supplied <see cref="HttpClient"/> (the transport of the non-DI constructor).
/// </summary>
/// <remarks>
/// A message can pass through <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>
/// only once. The SDK's own chain runs on an <see cref="HttpMessageInvoker"/>, which does not mark messages as sent, so
/// the first send hands the caller's client the message itself; a second send of the same message (a retry, or the
/// resend after a 401) goes out as a copy (same method, URL, version, headers, options and — re-readable — content).
/// </remarks>
internal sealed class TransportHandler(HttpClient transport) : HttpMessageHandler
{
    private static readonly HttpRequestOptionsKey<bool> SentKey = new("DigitalTwin.SentToTransport");

    /// <summary>Records that an <see cref="HttpClient"/> already sent <paramref name="request"/>: the transport then always gets a copy.</summary>
    /// <param name="request">The request.</param>
    internal static void MarkSent(HttpRequestMessage request) => request.Options.Set(SentKey, true);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(SentKey, out var sent) && sent)
        {
            return SendCopyAsync(request, cancellationToken);
        }

        request.Options.Set(SentKey, true);
        return transport.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCopyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
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
