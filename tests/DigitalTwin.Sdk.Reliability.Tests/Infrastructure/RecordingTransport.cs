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
    private readonly ConcurrentDictionary<long, (DateTimeOffset StartedAt, CancellationToken Token)> _inFlight = new();
    private long _nextRequest;

    public RecordingTransport()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
    }

    /// <summary>Gets (origin, authorization header value or null) per request sent.</summary>
    public ConcurrentQueue<(string Origin, string? Authorization)> Sent { get; } = new();

    /// <summary>Gets every access and refresh token seen in a token response, and every credential header sent.</summary>
    public ConcurrentBag<string> IssuedSecrets { get; } = [];

    /// <summary>Gets or sets the clock <see cref="InFlight"/> stamps requests with (the client's).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets the requests between leaving for the socket and their answer's headers (or failure) that nobody has cancelled
    /// yet, each with the time it left.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> InFlight => [.. _inFlight.Values.Where(r => !r.Token.IsCancellationRequested).Select(r => r.StartedAt)];

    public HttpClient CreateClient() => new(this, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization;
        Sent.Enqueue((request.RequestUri!.GetLeftPart(UriPartial.Authority), authorization?.ToString()));
        if (authorization?.Parameter is { Length: > 0 } credential)
        {
            IssuedSecrets.Add(credential);
        }

        HttpResponseMessage response;
        var id = Interlocked.Increment(ref _nextRequest);
        _inFlight[id] = (Clock.GetUtcNow(), cancellationToken);
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
        }

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
