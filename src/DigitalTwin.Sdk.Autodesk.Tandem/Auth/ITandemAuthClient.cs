using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Auth;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>APS sign-in (three-legged authorization code with PKCE), token access and revocation.</summary>
public interface ITandemAuthClient
{
    /// <summary>Builds the <c>authorize</c> URL the user's browser opens, with the configured client id, redirect URI and scopes.</summary>
    /// <param name="pkce">PKCE codes; keep them until <see cref="ExchangeCodeAsync"/>.</param>
    /// <param name="state">Anti-forgery value to check on the callback.</param>
    /// <param name="nonce">OpenID Connect nonce, when <c>openid</c> is requested.</param>
    /// <returns>The URL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pkce"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The client is not configured for <see cref="TandemAuthFlow.ThreeLegged"/>.</exception>
    Uri CreateAuthorizeUri(PkceCodes pkce, string? state = null, string? nonce = null);

    /// <summary>
    /// Exchanges the authorization code from the callback for tokens, stores the refresh token in the
    /// <see cref="ITandemTokenStore"/> and makes the access token the client's current one.
    /// </summary>
    /// <remarks>
    /// With a shared token store registered and <see cref="TandemOptions.SessionId"/> set, this seeds the session for every
    /// process that names it: call it once, in the process that handles the sign-in callback; the others take the session
    /// from the store at their next call. A host that persisted the refresh token instead can seed by putting it in the
    /// <see cref="ITandemTokenStore"/>: while the shared session is empty, the process that takes the refresh lease
    /// refreshes with it and stores the result for all.
    /// </remarks>
    /// <param name="code">The <c>code</c> query value of the callback.</param>
    /// <param name="pkce">The codes whose challenge was in the authorize URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tokens are stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The client is not configured for <see cref="TandemAuthFlow.ThreeLegged"/>.</exception>
    /// <exception cref="DigitalTwin.Sdk.Core.DigitalTwinAuthenticationException">APS refused the code or the verifier.</exception>
    Task ExchangeCodeAsync(string code, PkceCodes pkce, CancellationToken cancellationToken = default);

    /// <summary>Gets the current access token (e.g. for the APS viewer), refreshing it when due.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The token.</returns>
    ValueTask<AccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes a token (<c>POST authentication/v2/revoke</c>).</summary>
    /// <param name="token">The token.</param>
    /// <param name="hint">Whether it is an access or a refresh token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when APS answered.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty.</exception>
    Task RevokeAsync(string token, ApsTokenTypeHint hint, CancellationToken cancellationToken = default);

    /// <summary>Revokes the stored refresh token (three-legged) and clears the store; a session shared across processes
    /// (<see cref="TandemOptions.SessionId"/>) has its current refresh token revoked too, which signs every process out.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when signed out.</returns>
    Task SignOutAsync(CancellationToken cancellationToken = default);
}
