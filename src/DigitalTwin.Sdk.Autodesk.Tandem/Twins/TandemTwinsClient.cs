using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem.Rest;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Default <see cref="ITandemTwinsClient"/>: the declared endpoints of <see cref="ITwinsApi"/> with validation and typed answers on top.</summary>
/// <remarks>Thread-safe; obtain through <see cref="TandemClient.Twins"/>.</remarks>
internal sealed class TandemTwinsClient : ITandemTwinsClient
{
    private const int MaxRedirects = 3;
    private readonly ClientRuntime _runtime;
    private readonly TandemOptions _options;
    private readonly ITwinsApi _api;

    internal TandemTwinsClient(ClientRuntime runtime, TandemOptions options, ITwinsApi api)
    {
        _runtime = runtime;
        _options = options;
        _api = api;
    }

    /// <inheritdoc />
    public Task<TandemTwin> GetTwinAsync(TwinUrn twinId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(twinId);
        return GetCoreAsync(twinId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(TwinUrn twinId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(twinId);
        return ExistsCoreAsync(twinId, cancellationToken);
    }

    /// <inheritdoc />
    public AsyncPageable<TwinView> GetViewsAsync(TwinUrn twinId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(twinId);
        return PageableHelpers.Create<TwinView>(
            async (_, _, ct) =>
            {
                var response = await HttpApi.ReceiveJsonAsync(
                    _runtime, _api.GetViewsAsync(twinId.Id, TandemRequests.Region(_options), "GetViews", ct), TandemJsonContext.Default.IReadOnlyListTwinView, ct).ConfigureAwait(false);
                return new Page<TwinView>(response.Value, null, response.RequestId);
            },
            cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    public AsyncPageable<TandemTwinListItem> GetMyTwinsAsync(CancellationToken cancellationToken = default) =>
        TwinListing.Create(_runtime, ct => _api.GetMyTwinsAsync(TandemRequests.Region(_options), "GetMyTwins", ct), cancellationToken);

    /// <inheritdoc />
    public Task DownloadDocumentAsync(TwinDocument document, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(destination);
        var link = document.SignedLink ?? throw new ArgumentException("The document has no signed link.", nameof(document));
        CheckLink(link, nameof(document));
        return DownloadCoreAsync(link, destination, cancellationToken);
    }

    private static void CheckLink(Uri link, string parameterName)
    {
        if (!link.IsAbsoluteUri || (link.Scheme != Uri.UriSchemeHttps && !(link.Scheme == Uri.UriSchemeHttp && DigitalTwinClientOptions.IsLoopback(link))))
        {
            throw new ArgumentException("A document link must be an absolute https URL (plain http only on loopback).", parameterName);
        }
    }

    private async Task<TandemTwin> GetCoreAsync(TwinUrn twinId, CancellationToken cancellationToken)
    {
        var response = await HttpApi.ReceiveJsonAsync(
            _runtime, _api.GetTwinAsync(twinId.Id, TandemRequests.Region(_options), "GetTwin", cancellationToken), TandemJsonContext.Default.TandemTwin, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    private async Task<bool> ExistsCoreAsync(TwinUrn twinId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await HttpApi.ReceiveAsync(
                _runtime, _api.TwinExistsAsync(twinId.Id, TandemRequests.Region(_options), "TwinExists", cancellationToken), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DigitalTwinNotFoundException)
        {
            return false;
        }
    }

    private async Task DownloadCoreAsync(Uri link, Stream destination, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = _runtime.CreateRequest(HttpMethod.Get, link.AbsoluteUri, "DownloadDocument");
            request.Headers.Accept.Clear();
            if (!_runtime.MayReceiveCredentials(link))
            {
                // The bearer token goes only to the API origin and the allow-list (TandemOptions.CredentialOrigins);
                // a link or redirect anywhere else is fetched without credentials.
                request.Options.Set(DigitalTwinRequestOptions.AnonymousKey, true);
            }

            using var response = await _runtime.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location && hop < MaxRedirects)
            {
                link = location.IsAbsoluteUri ? location : new Uri(link, location);
                CheckLink(link, "document");
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await _runtime.CreateExceptionAsync(response, cancellationToken).ConfigureAwait(false);
            }

            await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
            return;
        }
    }
}
