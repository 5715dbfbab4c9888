using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace DigitalTwin.Sdk.Core.Tests.TestUtilities;

/// <summary>Delegate-driven fake primary handler that records every request it receives.</summary>
internal sealed class RecordingHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _calls;

    public ConcurrentQueue<(HttpMethod Method, Uri? Uri, string? Authorization)> Requests { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        Requests.Enqueue((request.Method, request.RequestUri, request.Headers.Authorization?.ToString()));
        return respond(request, call, cancellationToken);
    }
}
