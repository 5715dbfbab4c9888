namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>
/// An <see cref="ISharedTokenStore"/> in this process's memory: clients of one credential in one process share one
/// token through it. It is the reference behaviour for stores across processes (leases expire on the given clock; a
/// completed lease stores the token and releases in one step).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InProcessSharedTokenStore : ISharedTokenStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Lease Holder, DateTimeOffset Until)> _leases = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Initializes a store.</summary>
    /// <param name="timeProvider">The clock leases expire on; the system clock when <see langword="null"/>.</param>
    public InProcessSharedTokenStore(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return new ValueTask<AccessToken?>(_tokens.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public ValueTask<ISharedTokenLease?> TryBeginRefreshAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseTime, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_leases.TryGetValue(key, out var held) && held.Until > now)
            {
                return new ValueTask<ISharedTokenLease?>((ISharedTokenLease?)null);
            }

            var lease = new Lease(this, key);
            _leases[key] = (lease, now + leaseTime);
            return new ValueTask<ISharedTokenLease?>(lease);
        }
    }

    private bool Complete(Lease lease, AccessToken? token)
    {
        lock (_gate)
        {
            if (!_leases.TryGetValue(lease.Key, out var held) || !ReferenceEquals(held.Holder, lease) || held.Until <= _time.GetUtcNow())
            {
                return false;
            }

            if (token is not null)
            {
                _tokens[lease.Key] = token;
            }

            _leases.Remove(lease.Key);
            return true;
        }
    }

    private sealed class Lease(InProcessSharedTokenStore owner, string key) : ISharedTokenLease
    {
        public string Key => key;

        public ValueTask<bool> CompleteAsync(AccessToken token, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(token);
            return new ValueTask<bool>(owner.Complete(this, token));
        }

        public ValueTask DisposeAsync()
        {
            owner.Complete(this, null);
            return default;
        }
    }
}
