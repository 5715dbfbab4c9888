using System.Net;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>
/// Acquires user tokens with the single-use refresh token from the <see cref="ITandemTokenStore"/> and saves the rotated
/// one before the new access token is used. The <see cref="TokenCache"/> never calls it concurrently, so a refresh token
/// is never spent twice.
/// </summary>
internal sealed class ThreeLeggedTokenSource(ClientRuntime tokenRuntime, TandemOptions options, ITandemTokenStore store) : ITokenSource
{
    private AccessToken? _pending;

    /// <summary>Hands the token of a fresh code exchange to the cache, so its first use needs no refresh.</summary>
    internal void Offer(AccessToken token) => Volatile.Write(ref _pending, token);

    public async ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
    {
        var pending = Interlocked.Exchange(ref _pending, null);
        if (pending is not null && !ReferenceEquals(pending, current) && pending.ExpiresOn - tokenRuntime.Time.GetUtcNow() > TimeSpan.FromMinutes(1))
        {
            return pending;
        }

        var refreshToken = await store.GetRefreshTokenAsync(cancellationToken).ConfigureAwait(false) ?? current?.RefreshToken;
        if (refreshToken is null)
        {
            throw new DigitalTwinAuthenticationException(
                new ApiErrorInfo(tokenRuntime.Vendor, HttpStatusCode.Unauthorized) { ErrorCode = "not_signed_in" },
                $"{tokenRuntime.Vendor}: no refresh token is stored; sign the user in first (ITandemAuthClient.CreateAuthorizeUri, then ExchangeCodeAsync).");
        }

        AccessToken token;
        using (var request = ApsTokenRequests.Refresh(options, refreshToken))
        {
            token = await OAuthTokenClient.RequestAsync(tokenRuntime, request, cancellationToken).ConfigureAwait(false);
        }

        // The old refresh token is spent now: persist its successor before anyone uses the new access token.
        await store.SaveRefreshTokenAsync(token.RefreshToken, CancellationToken.None).ConfigureAwait(false);
        return token;
    }
}
