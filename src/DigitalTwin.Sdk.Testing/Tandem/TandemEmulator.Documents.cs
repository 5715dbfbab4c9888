using System.Collections.Concurrent;
using System.Net;
using DigitalTwin.Sdk.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Testing.Tandem;

/// <content>
/// Document content on a second loopback origin, as the real service serves <c>signedLink</c>s from
/// <c>https://tandem.autodesk.com</c> while the API is on <c>developer.api.autodesk.com</c>: the download is refused without the
/// bearer token (the vendor samples send it there). Also the raw request targets, to check how paths were written.
/// </content>
public sealed partial class TandemEmulator
{
    private const string DocumentRoute = "/api/v1/twins/{twinId}/documents/{docId}/content";
    private readonly ConcurrentQueue<string> _rawTargets = new();
    private WebApplication? _documentHost;

    /// <summary>
    /// Gets the origin of the document host, e.g. <c>http://127.0.0.1:41235/</c>: the stand-in for <c>https://tandem.autodesk.com</c>.
    /// The documents' <c>signedLink</c>s point here unless <see cref="TandemEmulatorOptions.SignedLinkBaseUri"/> is set.
    /// </summary>
    public Uri DocumentOrigin { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Gets the log of requests the document host received.</summary>
    public RequestLog DocumentRequests { get; } = new(256);

    /// <summary>
    /// Gets the request targets exactly as they arrived on the request line (path and query, nothing unescaped), oldest first,
    /// e.g. <c>/tandem/v1/twins/urn:adsk.dtt:d5eZt_XtRzqUHT93-vNZxw</c>.
    /// </summary>
    public IReadOnlyList<string> RawRequestTargets => _rawTargets.ToArray();

    /// <summary>Stops the document host together with the API (whoever disposes the emulator, through any reference).</summary>
    private void StopDocumentHostWith(WebApplication app) => app.Lifetime.ApplicationStopping.Register(() =>
    {
        var host = Interlocked.Exchange(ref _documentHost, null);
        if (host is not null)
        {
            // A stopping callback is synchronous; the document host has no long-running requests to wait for.
            host.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    });

    private void RecordRawTargets(WebApplication app) => app.Use(async (context, next) =>
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw))
        {
            _rawTargets.Enqueue(raw);
            while (_rawTargets.Count > 1024 && _rawTargets.TryDequeue(out _))
            {
            }
        }

        await next(context).ConfigureAwait(false);
    });

    private async Task StartDocumentHostAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRouting();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in context.Request.Headers)
            {
                headers[header.Key.ToLowerInvariant()] = header.Value.ToString();
            }

            DocumentRequests.Add(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty, headers, string.Empty, Now));
            await next(context).ConfigureAwait(false);
        });
        app.MapGet(DocumentRoute, ServeDocumentAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        DocumentOrigin = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        _documentHost = app;
        if (_options.SignedLinkBaseUri is null)
        {
            lock (_dataGate)
            {
                foreach (var doc in _seed.Twin["docs"]!.AsArray())
                {
                    var docId = (string)doc!["id"]!;
                    doc["signedLink"] = new Uri(DocumentOrigin, $"api/v1/twins/{TandemSeed.TwinId}/documents/{docId}/content?lastupdated=1654016445").ToString();
                }
            }
        }
    }

    /// <summary>Serves a document: 401 without a valid bearer token (scope <c>data:read</c>), 403 for an incomplete link, 404 for an unknown one.</summary>
    private async Task ServeDocumentAsync(HttpContext context)
    {
        if (!await AuthorizeDataAsync(context, ReadScope).ConfigureAwait(false))
        {
            return;
        }

        var twinId = (string)context.Request.RouteValues["twinId"]!;
        var docId = (string)context.Request.RouteValues["docId"]!;
        if (!context.Request.Query.ContainsKey("lastupdated"))
        {
            await WriteApsErrorAsync(context, 403, "SIGNATURE", "The signed link is incomplete.").ConfigureAwait(false);
            return;
        }

        var doc = twinId == TandemSeed.TwinId
            ? _seed.Twin["docs"]!.AsArray().FirstOrDefault(d => (string?)d!["id"] == docId)
            : null;
        if (doc is null)
        {
            await WriteApsErrorAsync(context, 404, "NOT_FOUND", "The document was not found.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = (string?)doc["contentType"] ?? "application/octet-stream";
        await context.Response.WriteAsync("%PDF-1.4 emulated content of " + (string?)doc["name"], context.RequestAborted).ConfigureAwait(false);
    }
}
