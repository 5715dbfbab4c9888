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
/// <remarks>
/// Shared across processes (<see cref="Share"/>: an <see cref="ISharedTokenStore"/> is registered and
/// <see cref="TandemOptions.SessionId"/> names the session), it runs under a <see cref="SharedTokenSource"/>: only the
/// holder of the session's refresh lease calls it, handing it the newest stored token, whose refresh token is the
/// current one — it takes precedence over this process's <see cref="ITandemTokenStore"/>, which another process's
/// rotation has made stale. The store's refresh token is used only when the shared session is empty (a host that seeds
/// it from its own persisted refresh token).
/// </remarks>
internal sealed class ThreeLeggedTokenSource(ClientRuntime tokenRuntime, TandemOptions options, ITandemTokenStore store) : ITokenSource
{
    private AccessToken? _pending;

    /// <summary>Gets the session shared across processes, or <see langword="null"/> when this process keeps its own.</summary>
    internal SharedThreeLeggedSession? Shared { get; private set; }

    /// <summary>Shares the session across processes; returns the source the token cache must call.</summary>
    internal SharedTokenSource Share(ISharedTokenStore sharedStore, string key, SharedTokenOptions? sharedOptions)
    {
        var source = new SharedTokenSource(this, sharedStore, key, sharedOptions, tokenRuntime.Time, tokenRuntime.Logger);
        Shared = new SharedThreeLeggedSession(sharedStore, key, source);
        return source;
    }

    /// <summary>Hands the token of a fresh code exchange to the cache, so its first use needs no refresh.</summary>
    internal void Offer(AccessToken token) => Volatile.Write(ref _pending, token);

    public async ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
    {
        var pending = Interlocked.Exchange(ref _pending, null);
        if (pending is not null && !ReferenceEquals(pending, current) && pending.ExpiresOn - tokenRuntime.Time.GetUtcNow() > TimeSpan.FromMinutes(1))
        {
            return pending;
        }

        var refreshToken = Shared is not null
            ? current?.RefreshToken ?? await store.GetRefreshTokenAsync(cancellationToken).ConfigureAwait(false)
            : await store.GetRefreshTokenAsync(cancellationToken).ConfigureAwait(false) ?? current?.RefreshToken;
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

        // The old refresh token is spent now: persist its successor before anyone uses the new access token (shared, the
        // SharedTokenSource then stores it for every process as it releases the lease).
        await store.SaveRefreshTokenAsync(token.RefreshToken, CancellationToken.None).ConfigureAwait(false);
        return token;
    }
}

/// <summary>A three-legged session kept in an <see cref="ISharedTokenStore"/> under <paramref name="Key"/>.</summary>
internal sealed record SharedThreeLeggedSession(ISharedTokenStore Store, string Key, SharedTokenSource Source);
