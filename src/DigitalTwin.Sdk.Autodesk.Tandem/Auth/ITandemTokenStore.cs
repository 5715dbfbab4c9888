namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>
/// Persists the current APS refresh token of the three-legged flow, so a host app survives restarts without a new sign-in.
/// </summary>
/// <remarks>
/// APS refresh tokens are single-use and rotate on every refresh: the client saves each new one before using the
/// access token it came with. Implementations must be thread-safe and should encrypt at rest.
/// </remarks>
public interface ITandemTokenStore
{
    /// <summary>Reads the stored refresh token.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The refresh token, or <see langword="null"/> when the user has not signed in (or signed out).</returns>
    ValueTask<string?> GetRefreshTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored refresh token.</summary>
    /// <param name="refreshToken">The new token, or <see langword="null"/> to forget it (sign-out).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the token is stored.</returns>
    ValueTask SaveRefreshTokenAsync(string? refreshToken, CancellationToken cancellationToken = default);
}
