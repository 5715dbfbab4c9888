using System.Security.Cryptography;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Redis.Internal;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace DigitalTwin.Sdk.Redis;

/// <summary>
/// Shares the clients' tokens across processes in Redis (<see cref="ISharedTokenStore"/>): one token request per
/// credential across all processes, a refresh lease that expires (a crashed holder never blocks the others), and a
/// rotating refresh token written back together with the release of the lease, atomically. Registered by
/// <c>UseRedis</c> unless <see cref="RedisScaleOutOptions.ShareTokens"/> is off.
/// </summary>
/// <remarks>
/// Tokens are stored as JSON, encrypted when <see cref="RedisScaleOutOptions.TokenProtector"/> or
/// <see cref="RedisScaleOutOptions.TokenEncryptionKey"/> is set; a value that cannot be read back (foreign data, another
/// key) is ignored. Keys are <see cref="RedisScaleOutOptions.KeyPrefix"/> and a hash, never a secret. When Redis fails,
/// calls throw at once (for the retry interval) and the SDK's <see cref="SharedTokenSource"/> asks the vendor itself.
/// </remarks>
public sealed class RedisTokenStore : ISharedTokenStore, IAsyncDisposable
{
    private const string CompleteScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
          redis.call('DEL', KEYS[1])
          return 1
        end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('DEL', KEYS[1])
          return 1
        end
        return 0
        """;

    private readonly RedisLink _link;
    private readonly bool _ownsLink;
    private readonly TokenCodec _codec;

    /// <summary>Initializes a store with its own Redis connection.</summary>
    /// <param name="options">The Redis settings.</param>
    /// <param name="loggerFactory">Logs Redis failures and recovery; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid.</exception>
    public RedisTokenStore(RedisScaleOutOptions options, ILoggerFactory? loggerFactory = null)
        : this(new RedisLink(options, loggerFactory), ownsLink: true)
    {
    }

    internal RedisTokenStore(RedisLink link, bool ownsLink)
    {
        _link = link;
        _ownsLink = ownsLink;
        _codec = new TokenCodec(link.Options);
    }

    /// <inheritdoc />
    public async ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var stored = await _link.RunAsync(db => db.StringGetAsync(TokenKey(key)), cancellationToken).ConfigureAwait(false);
        if (stored.IsNull)
        {
            return null;
        }

        var token = _codec.Decode((byte[]?)stored);
        if (token is null)
        {
            RedisLog.ForeignData(_link.Logger, "a token key held a value the SDK cannot read back; it is ignored");
        }

        return token;
    }

    /// <inheritdoc />
    public async ValueTask<ISharedTokenLease?> TryBeginRefreshAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseTime, TimeSpan.Zero);
        var holder = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var taken = await _link.RunAsync(db => db.StringSetAsync(LeaseKey(key), holder, leaseTime, When.NotExists), cancellationToken).ConfigureAwait(false);
        return taken ? new Lease(this, key, holder) : null;
    }

    /// <inheritdoc />
    /// <remarks>Every vendor unless <see cref="RedisScaleOutOptions.Vendors"/> names some.</remarks>
    public bool SharesVendor(string vendor) => _link.Options.Covers(vendor);

    /// <summary>Closes the Redis connection the store opened (not one the host app supplied).</summary>
    /// <returns>A task that completes when closed.</returns>
    public ValueTask DisposeAsync() => _ownsLink ? _link.DisposeAsync() : default;

    private RedisKey TokenKey(string key) => _link.Options.KeyPrefix + key;

    private RedisKey LeaseKey(string key) => _link.Options.KeyPrefix + key + ":lease";

    private TimeSpan KeepFor(AccessToken token)
    {
        // A refresh token outlives its access token; without one the entry is useless once the token expired. The
        // token's own lifetime is used (not the clock here), so a client on another clock stores it as long.
        var keep = token.RefreshToken is null ? token.ExpiresOn - token.IssuedOn + TimeSpan.FromMinutes(1) : _link.Options.RefreshTokenLifetime;
        return keep > TimeSpan.FromSeconds(1) ? keep : TimeSpan.FromSeconds(1);
    }

    private sealed class Lease(RedisTokenStore owner, string key, string holder) : ISharedTokenLease
    {
        private int _done;

        public async ValueTask<bool> CompleteAsync(AccessToken token, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(token);
            var value = owner._codec.Encode(token);
            var keep = (long)owner.KeepFor(token).TotalMilliseconds;
            var result = await owner._link.RunAsync(
                db => db.ScriptEvaluateAsync(CompleteScript, [owner.LeaseKey(key), owner.TokenKey(key)], [holder, value, keep]),
                cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _done, 1);
            return (long)result == 1;
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0 || !owner._link.IsAvailable)
            {
                // Completed, or Redis is down: the lease expires by itself.
                return;
            }

            try
            {
                await owner._link.RunAsync(db => db.ScriptEvaluateAsync(ReleaseScript, [owner.LeaseKey(key)], [holder]), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                // The lease expires by itself.
            }
        }
    }
}
