using System.Net;
using System.Text;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

/// <summary>
/// A fake primary handler for tests of the request shape: answers <c>…/token</c> with a token, every other
/// request with one site (an array, as the service does), and records each request with its headers and options.
/// </summary>
internal sealed class StubHandler : HttpMessageHandler
{
    public const string IssuedToken = "stub-issued-token";

    private const string TokenBody = """{"access_token":"stub-issued-token","token_type":"bearer","expires_in":3600,"refresh_token":"r1"}""";
    private const string SitesBody = """[{"Id":"s1","Name":"Building1"}]""";

    private readonly Lock _gate = new();
    private readonly List<Recorded> _requests = [];

    public IReadOnlyList<Recorded> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        request.Options.TryGetValue(new HttpRequestOptionsKey<string>("DigitalTwin.Operation"), out var operation);
        lock (_gate)
        {
            _requests.Add(new Recorded(request.Method, request.RequestUri!, headers, operation));
        }

        var isToken = request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(isToken ? TokenBody : SitesBody, Encoding.UTF8, "application/json"),
        });
    }

    public sealed record Recorded(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Operation)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
