using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Twins (facilities): settings, existence, views, the caller's twins and linked documents.</summary>
public interface ITandemTwinsClient
{
    /// <summary>Gets a twin (<c>GET twins/{twinID}</c>).</summary>
    /// <param name="twinId">The twin URN.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The twin.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="twinId"/> is <see langword="null"/>.</exception>
    /// <exception cref="DigitalTwin.Sdk.Core.DigitalTwinPermissionException">The caller may not read the twin (403).</exception>
    /// <exception cref="DigitalTwin.Sdk.Core.DigitalTwinNotFoundException">The twin does not exist (404).</exception>
    Task<TandemTwin> GetTwinAsync(TwinUrn twinId, CancellationToken cancellationToken = default);

    /// <summary>Tells whether a twin exists (<c>HEAD twins/{twinID}</c>).</summary>
    /// <param name="twinId">The twin URN.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> for 200, <see langword="false"/> for 404.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="twinId"/> is <see langword="null"/>.</exception>
    /// <exception cref="DigitalTwin.Sdk.Core.DigitalTwinPermissionException">The twin exists but the caller may not read it (403).</exception>
    Task<bool> ExistsAsync(TwinUrn twinId, CancellationToken cancellationToken = default);

    /// <summary>Lists the saved views of a twin (<c>GET twins/{twinID}/views</c>).</summary>
    /// <param name="twinId">The twin URN.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The views (one page).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="twinId"/> is <see langword="null"/>.</exception>
    AsyncPageable<TwinView> GetViewsAsync(TwinUrn twinId, CancellationToken cancellationToken = default);

    /// <summary>Lists the twins the caller can access (<c>GET users/@me/twins</c>).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The twins (one page).</returns>
    AsyncPageable<TandemTwinListItem> GetMyTwinsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads a document through its <see cref="TwinDocument.SignedLink"/> (<c>https://tandem.autodesk.com/api/v1/twins/…/content</c>,
    /// which the service refuses without the bearer token). The token is sent only when the link (or a redirect) is on the API's
    /// own origin or on one of <see cref="TandemOptions.CredentialOrigins"/>; a link anywhere else is fetched without credentials.
    /// </summary>
    /// <param name="document">The document, from <see cref="TandemTwin.Docs"/>.</param>
    /// <param name="destination">Where the content is written.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>A task that completes when the content is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The document has no signed link, or the link is not https (plain http only on loopback).</exception>
    Task DownloadDocumentAsync(TwinDocument document, Stream destination, CancellationToken cancellationToken = default);
}
