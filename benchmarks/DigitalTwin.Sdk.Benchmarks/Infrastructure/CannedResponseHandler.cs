using System.Net;
using System.Net.Http.Headers;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// In-memory transport that answers every API request with the same canned body (and token requests with a canned
/// token response), so a benchmark compares client-side cost only. Thread-safe.
/// </summary>
public sealed class CannedResponseHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly byte[] _apiBody;
    private readonly byte[] _tokenBody;
    private int _tokenRequests;
    private int _apiRequests;

    /// <summary>Initializes the handler.</summary>
    /// <param name="apiBody">Body of every API answer.</param>
    /// <param name="tokenBody">Body of every token answer (requests to a path ending in <c>/token</c>).</param>
    public CannedResponseHandler(byte[] apiBody, byte[] tokenBody)
    {
        _apiBody = apiBody;
        _tokenBody = tokenBody;
    }

    /// <summary>Gets or sets how long a token answer takes (0 answers synchronously).</summary>
    public TimeSpan TokenDelay { get; set; }

    /// <summary>Gets how many token requests were answered.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Gets how many API requests were answered.</summary>
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isToken = request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal);
        if (isToken)
        {
            Interlocked.Increment(ref _tokenRequests);
            return TokenDelay > TimeSpan.Zero ? DelayedAsync(request, cancellationToken) : Task.FromResult(Create(request, _tokenBody));
        }

        Interlocked.Increment(ref _apiRequests);
        return Task.FromResult(Create(request, _apiBody));
    }

    private async Task<HttpResponseMessage> DelayedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(TokenDelay, cancellationToken).ConfigureAwait(false);
        return Create(request, _tokenBody);
    }

    private static HttpResponseMessage Create(HttpRequestMessage request, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
