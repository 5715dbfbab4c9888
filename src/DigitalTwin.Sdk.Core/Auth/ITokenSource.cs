namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>
/// Acquires a new access token from a vendor's identity service. Vendors implement this; the
/// <see cref="TokenCache"/> owns caching, refresh-ahead and single-flight.
/// </summary>
/// <remarks>
/// The cache never calls <see cref="AcquireTokenAsync"/> concurrently for one credential, so a source that uses
/// rotating (single-use) refresh tokens needs no locking of its own.
/// </remarks>
public interface ITokenSource
{
    /// <summary>Acquires a token.</summary>
    /// <param name="current">The token being replaced (it may carry a refresh token), or <see langword="null"/> on first use.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A new token.</returns>
    /// <exception cref="DigitalTwinAuthenticationException">The identity service refused the credentials.</exception>
    ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken);
}
