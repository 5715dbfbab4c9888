using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>
/// Makes a vendor's grant flow (<see cref="ITokenSource"/>) shared by every process on an <see cref="ISharedTokenStore"/>:
/// a token another process stored is taken as it is; otherwise one process takes the refresh lease, asks the vendor
/// (handing it the newest stored token, so a rotating refresh token is the current one) and stores the answer, while
/// the others wait for it. Put a <see cref="TokenCache"/> on top, as for any source: it keeps single flight and
/// refresh-ahead inside the process.
/// </summary>
/// <remarks>
/// A refresh therefore never runs twice at once anywhere, as long as it finishes within
/// <see cref="SharedTokenOptions.LeaseTime"/>. When the store fails (unreachable, slow, an error) before the vendor was
/// asked, the source asks the vendor itself, logs that once, and uses the store again on the next refresh; when it fails
/// after, the vendor's token is kept (never a second request with a refresh token already used). A waiting process
/// waits at most one lease time plus one poll (real time) for the holder, then asks the vendor itself.
/// </remarks>
public sealed partial class SharedTokenSource : ITokenSource
{
    private readonly ITokenSource _inner;
    private readonly ISharedTokenStore _store;
    private readonly string _key;
    private readonly SharedTokenOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _storeDown;

    /// <summary>Initializes a shared source.</summary>
    /// <param name="inner">The vendor's grant flow.</param>
    /// <param name="store">The shared store.</param>
    /// <param name="key">The credential's key in the store (<see cref="KeyFor"/>).</param>
    /// <param name="options">Tuning; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock tokens expire on; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Logs a store failure once; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> or <paramref name="store"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public SharedTokenSource(ITokenSource inner, ISharedTokenStore store, string key, SharedTokenOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _inner = inner;
        _store = store;
        _key = key;
        _options = options ?? new SharedTokenOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// The store key of a credential: <c>tok:</c> and a SHA-256 hash of the vendor and the credential's identity
    /// (token endpoint, client id, user or audience — never a secret; the hash keeps even those out of the store's keys).
    /// </summary>
    /// <param name="vendor">The vendor key, e.g. <c>BuildingX</c>.</param>
    /// <param name="credentialIdentity">The credential's non-secret identity.</param>
    /// <returns>The key.</returns>
    public static string KeyFor(string vendor, string credentialIdentity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialIdentity);
        return "tok:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(vendor + "\n" + credentialIdentity)));
    }

    /// <inheritdoc />
    public async ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
    {
        try
        {
            var token = await AcquireSharedAsync(current, cancellationToken).ConfigureAwait(false);
            if (Interlocked.Exchange(ref _storeDown, 0) != 0)
            {
                LogStoreBack(_logger);
            }

            return token;
        }
        catch (StoreFailure failure)
        {
            // Only a failure of the store lands here, before this process asked the vendor; what the vendor answered
            // (a token, or a refusal such as invalid_grant) is never followed by a second request.
            StoreDown(failure);
            return await _inner.AcquireTokenAsync(current, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stores a token obtained outside this source's grant flow — a user's sign-in (the authorization code exchange of
    /// a three-legged flow) — as the credential's current token for every process: it takes the refresh lease (waiting
    /// while another process refreshes, at most one lease time), stores the token with its refresh token and releases
    /// the lease in one atomic step, so the session's refresh token is the one every process refreshes with from then on.
    /// </summary>
    /// <param name="token">The token the sign-in returned (with its refresh token).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns><see langword="true"/> when stored; <see langword="false"/> when the store failed (logged once): the token
    /// is then this process's alone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    public async ValueTask<bool> SeedAsync(AccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var deadline = TimeProvider.System.GetUtcNow() + _options.LeaseTime + _options.PollInterval;
        try
        {
            while (true)
            {
                var lease = await Store(() => _store.TryBeginRefreshAsync(_key, _options.LeaseTime, cancellationToken)).ConfigureAwait(false);
                if (lease is not null)
                {
                    await using (lease.ConfigureAwait(false))
                    {
                        if (await Store(() => lease.CompleteAsync(token, cancellationToken)).ConfigureAwait(false))
                        {
                            if (Interlocked.Exchange(ref _storeDown, 0) != 0)
                            {
                                LogStoreBack(_logger);
                            }

                            return true;
                        }
                    }

                    // The lease expired before the token was stored (a very slow store): take it again.
                    continue;
                }

                if (TimeProvider.System.GetUtcNow() > deadline)
                {
                    throw new StoreFailure(new TimeoutException("The refresh lease stayed taken."));
                }

                await Task.Delay(_options.PollInterval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StoreFailure failure)
        {
            StoreDown(failure);
            return false;
        }
    }

    private async ValueTask<AccessToken> AcquireSharedAsync(AccessToken? current, CancellationToken cancellationToken)
    {
        // Waiting on another process is real time, whatever clock the tokens expire on.
        var deadline = TimeProvider.System.GetUtcNow() + _options.LeaseTime + _options.PollInterval;
        while (true)
        {
            var stored = await Store(() => _store.GetAsync(_key, cancellationToken)).ConfigureAwait(false);
            if (IsFresh(stored, current))
            {
                return stored!;
            }

            var lease = await Store(() => _store.TryBeginRefreshAsync(_key, _options.LeaseTime, cancellationToken)).ConfigureAwait(false);
            if (lease is not null)
            {
                await using (lease.ConfigureAwait(false))
                {
                    // Another process may have stored a token between the read and the lease.
                    var latest = await Store(() => _store.GetAsync(_key, cancellationToken)).ConfigureAwait(false);
                    if (IsFresh(latest, current))
                    {
                        return latest!;
                    }

                    // The newest stored token carries the current refresh token (it rotates on every use).
                    var token = await _inner.AcquireTokenAsync(Newest(latest, current), cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await Store(() => lease.CompleteAsync(token, cancellationToken)).ConfigureAwait(false);
                    }
                    catch (StoreFailure failure)
                    {
                        // The vendor already answered (and may have rotated the refresh token): keep its token.
                        StoreDown(failure);
                    }

                    return token;
                }
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                // The holder neither stored a token nor let its lease expire in time: go on without the store.
                throw new StoreFailure(new TimeoutException("No token was stored and the refresh lease stayed taken."));
            }

            await Task.Delay(_options.PollInterval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether a stored token can be used instead of refreshing <paramref name="current"/>: another token than
    /// <paramref name="current"/>, valid beyond the margin — <see cref="SharedTokenOptions.ExpirySkew"/>, at most a
    /// twentieth of the token's lifetime, as the <see cref="TokenCache"/> reckons it, so a short-lived token another
    /// process just stored is taken rather than refreshed again.
    /// </summary>
    private bool IsFresh(AccessToken? stored, AccessToken? current)
    {
        if (stored is null || (current is not null && string.Equals(stored.Value, current.Value, StringComparison.Ordinal)))
        {
            return false;
        }

        var lifetime = stored.ExpiresOn - stored.IssuedOn;
        var skew = lifetime > TimeSpan.Zero && TimeSpan.FromTicks(lifetime.Ticks / 20) < _options.ExpirySkew ? TimeSpan.FromTicks(lifetime.Ticks / 20) : _options.ExpirySkew;
        return stored.ExpiresOn - skew > _time.GetUtcNow();
    }

    private static AccessToken? Newest(AccessToken? stored, AccessToken? current) =>
        stored is null ? current : current is null || stored.IssuedOn >= current.IssuedOn ? stored : current;

    private static async ValueTask<T> Store<T>(Func<ValueTask<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StoreFailure)
        {
            throw new StoreFailure(ex);
        }
    }

    private void StoreDown(StoreFailure failure)
    {
        if (Interlocked.Exchange(ref _storeDown, 1) == 0)
        {
            LogStoreDown(_logger, failure.InnerException?.GetType().Name ?? "unknown");
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "The shared token store failed ({Reason}); this process requests its own tokens until the store answers again.")]
    private static partial void LogStoreDown(ILogger logger, string reason);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "The shared token store answers again; tokens are shared.")]
    private static partial void LogStoreBack(ILogger logger);

    /// <summary>A failure of the store (not of the vendor).</summary>
    private sealed class StoreFailure(Exception inner) : Exception("The shared token store failed.", inner);
}
