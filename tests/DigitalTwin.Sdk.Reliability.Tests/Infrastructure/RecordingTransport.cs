using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// The caller-supplied transport of every client in the suite: a real socket handler (no automatic redirects) that
/// records, for each request that left the process, its origin and whether it carried an <c>Authorization</c> header,
/// and harvests the access and refresh tokens the emulators issue, so the audit knows every secret in play.
/// </summary>
public sealed class RecordingTransport : DelegatingHandler
{
    public RecordingTransport()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
    }

    /// <summary>Gets (origin, authorization header value or null) per request sent.</summary>
    public ConcurrentQueue<(string Origin, string? Authorization)> Sent { get; } = new();

    /// <summary>Gets every access and refresh token seen in a token response, and every credential header sent.</summary>
    public ConcurrentBag<string> IssuedSecrets { get; } = [];

    public HttpClient CreateClient() => new(this, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization;
        Sent.Enqueue((request.RequestUri!.GetLeftPart(UriPartial.Authority), authorization?.ToString()));
        if (authorization?.Parameter is { Length: > 0 } credential)
        {
            IssuedSecrets.Add(credential);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!request.RequestUri.AbsolutePath.Contains("token", StringComparison.OrdinalIgnoreCase) || !response.IsSuccessStatusCode)
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        Harvest(body);
        var copy = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = copy;
        return response;
    }

    private void Harvest(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in new[] { "access_token", "refresh_token", "id_token" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    && value.GetString() is { Length: > 0 } token)
                {
                    IssuedSecrets.Add(token);
                }
            }
        }
        catch (JsonException)
        {
            // Not a token body (a fault injected on the token path); nothing to harvest.
        }
    }
}
