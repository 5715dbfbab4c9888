namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>Hands out the current access token for a credential; implemented by <see cref="TokenCache"/>.</summary>
public interface ITokenProvider
{
    /// <summary>Gets a token that is valid now.</summary>
    /// <param name="cancellationToken">Cancels the wait (not a refresh other callers share).</param>
    /// <returns>The token.</returns>
    ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reports that the service refused <paramref name="token"/> (HTTP 401). Only the first report for the current
    /// token forces a refresh; reports for a token that was already replaced are ignored.
    /// </summary>
    /// <param name="token">The refused token.</param>
    void Invalidate(AccessToken token);
}
