namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>
/// Tokens of one credential shared by every process that uses it, and the lease that lets exactly one of them run a
/// refresh at a time: the seam where a store such as Redis (<c>DigitalTwin.Sdk.Redis</c>) makes a fleet of processes
/// fetch one token per credential instead of one each, and write a rotating refresh token back before anyone else
/// refreshes. Register one in DI and every client there shares its tokens through it (<see cref="SharedTokenSource"/>);
/// without one, nothing is shared and each process keeps its own <see cref="TokenCache"/>.
/// </summary>
/// <remarks>
/// Keys come from <see cref="SharedTokenSource.KeyFor"/>: a hash of the vendor and the credential's non-secret identity,
/// never a secret. An implementation that cannot reach its backend throws; the SDK then goes on with the process's own
/// token (see <see cref="SharedTokenSource"/>).
/// </remarks>
public interface ISharedTokenStore
{
    /// <summary>Reads the token stored under <paramref name="key"/>.</summary>
    /// <param name="key">The credential's key.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The token, or <see langword="null"/> when none is stored (or what is stored cannot be read).</returns>
    ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Takes the refresh lease of <paramref name="key"/> when nobody holds it.</summary>
    /// <param name="key">The credential's key.</param>
    /// <param name="leaseTime">How long the lease holds unless completed or released: a holder that crashes blocks the
    /// others at most this long.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The lease, or <see langword="null"/> when another holder has it.</returns>
    ValueTask<ISharedTokenLease?> TryBeginRefreshAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken);

    /// <summary>Tells whether this store keeps the tokens of a vendor's clients; the clients of a vendor it does not keep
    /// use the process's own token cache.</summary>
    /// <param name="vendor">The vendor's configuration section name (<c>BuildingX</c>, <c>Tandem</c>, <c>LifecycleTwin</c>,
    /// <c>ITwinIoT</c>, <c>ThreadEdge</c>).</param>
    /// <returns><see langword="true"/> (the default) when the vendor's tokens are shared through this store.</returns>
    bool SharesVendor(string vendor) => true;
}
