using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace DigitalTwin.Sdk.Reliability.Tests.Robustness;

/// <summary>
/// In-memory transport for the mutation runs: records real emulator answers by path while <see cref="Recording"/>
/// is on (forwarding to the network), then serves them back without any socket, with the body of one path replaced
/// by the current mutation.
/// </summary>
public sealed class ReplayTransport : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, (byte[] Body, string? ContentType)> _recorded = new(StringComparer.OrdinalIgnoreCase);

    public ReplayTransport()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    /// <summary>Gets or sets a value indicating whether requests go to the network and their answers are recorded.</summary>
    public bool Recording { get; set; } = true;

    /// <summary>Gets the API paths requested while recording, in order (token requests excluded).</summary>
    public ConcurrentQueue<string> RecordedPaths { get; } = new();

    /// <summary>Gets or sets the path whose body is replaced by <see cref="MutatedBody"/>.</summary>
    public string? MutatedPath { get; set; }

    /// <summary>Gets or sets the body served for <see cref="MutatedPath"/>.</summary>
    public byte[] MutatedBody { get; set; } = [];

    public byte[] RecordedBody(string path) => _recorded[path].Body;

    public HttpClient CreateClient() => new(this, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (Recording)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                _recorded[path] = (body, response.Content.Headers.ContentType?.ToString());
                if (!path.Contains("token", StringComparison.OrdinalIgnoreCase))
                {
                    RecordedPaths.Enqueue(path);
                }
            }

            response.Content = new ByteArrayContent(body) { Headers = { ContentType = response.Content.Headers.ContentType } };
            return response;
        }

        if (string.Equals(path, MutatedPath, StringComparison.OrdinalIgnoreCase))
        {
            return Answer(request, MutatedBody, _recorded.TryGetValue(path, out var r) ? r.ContentType : "application/json");
        }

        return _recorded.TryGetValue(path, out var recorded)
            ? Answer(request, recorded.Body, recorded.ContentType)
            : new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
