namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>The right to refresh one credential's token, held by one process at a time (<see cref="ISharedTokenStore"/>).</summary>
/// <remarks>Disposing it without <see cref="CompleteAsync"/> releases it for the next process (a failed refresh).</remarks>
public interface ISharedTokenLease : IAsyncDisposable
{
    /// <summary>Stores the new token (with its refresh token) and releases the lease, as one atomic step.</summary>
    /// <param name="token">The token the refresh returned.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns><see langword="false"/> when the lease had expired and another holder took it: the token was not stored.</returns>
    ValueTask<bool> CompleteAsync(AccessToken token, CancellationToken cancellationToken);
}
