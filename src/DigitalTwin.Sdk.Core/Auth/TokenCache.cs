using System.Runtime.ExceptionServices;
using DigitalTwin.Sdk.Core.Telemetry;

namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>
/// Caches one access token per credential: refreshes ahead of expiry, single-flight (any number of concurrent
/// callers cause one token request), keeps handing out the old token while one background refresh runs,
/// refreshes once after a 401 however many callers report it, and backs off briefly after a failed refresh.
/// </summary>
/// <remarks>
/// Thread-safe; register one instance per credential as a singleton. Long-lived tokens are refreshed
/// <see cref="TokenCacheOptions.RefreshAhead"/> before expiry, short-lived ones in the last 10% of their lifetime.
/// The <see cref="ITokenSource"/> is never called concurrently, so rotating refresh tokens are used by one caller at a time.
/// Time comes from the injected <see cref="TimeProvider"/>.
/// </remarks>
public sealed class TokenCache : ITokenProvider
{
    private readonly ITokenSource _source;
    private readonly TimeProvider _time;
    private readonly TokenCacheOptions _options;
    private readonly object _gate = new();
    private volatile Entry? _entry;
    private Task<AccessToken>? _refresh;
    private Exception? _lastFailure;
    private DateTimeOffset _failureUntil;
    private int _acquisitions;
    private long _generation;

    /// <summary>Initializes a cache over <paramref name="source"/>.</summary>
    /// <param name="source">Acquires new tokens.</param>
    /// <param name="timeProvider">Clock; defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="options">Tuning; defaults to <see cref="TokenCacheOptions"/> defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public TokenCache(ITokenSource source, TimeProvider? timeProvider = null, TokenCacheOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new TokenCacheOptions();
    }

    /// <summary>Gets how many times a token was requested from the source (successful or not).</summary>
    public int Acquisitions => Volatile.Read(ref _acquisitions);

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var entry = _entry;
        if (entry is not null && !entry.Invalidated)
        {
            var now = _time.GetUtcNow();
            if (now < entry.RefreshAt)
            {
                return new ValueTask<AccessToken>(entry.Token);
            }

            if (now < entry.UsableUntil)
            {
                StartBackgroundRefresh(entry);
                return new ValueTask<AccessToken>(entry.Token);
            }
        }

        return WaitForRefreshAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Invalidate(AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
        {
            var entry = _entry;
            if (entry is not null && !entry.Invalidated && ReferenceEquals(entry.Token, token))
            {
                _entry = entry with { Invalidated = true };
            }
        }
    }

    /// <summary>
    /// Forgets the cached token and a remembered failure, so the next call acquires a token afresh (after a user
    /// signed in or out). A refresh already running still answers its waiters, but its token is not cached.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            _generation++;
            _entry = null;
            _lastFailure = null;
            _failureUntil = DateTimeOffset.MinValue;
            _refresh = null;
        }
    }

    private async ValueTask<AccessToken> WaitForRefreshAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<AccessToken>? owned = null;
        AccessToken? previous;
        Task<AccessToken> refresh;
        lock (_gate)
        {
            var entry = _entry;
            var now = _time.GetUtcNow();
            if (entry is not null && !entry.Invalidated && now < entry.UsableUntil)
            {
                return entry.Token;
            }

            previous = entry?.Token;
            if (_refresh is null)
            {
                if (_lastFailure is not null && now < _failureUntil)
                {
                    ExceptionDispatchInfo.Throw(_lastFailure);
                }

                owned = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                _refresh = owned.Task;
            }

            refresh = _refresh;
        }

        if (owned is not null)
        {
            _ = RefreshAsync(previous, owned);
        }

        return await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void StartBackgroundRefresh(Entry seen)
    {
        TaskCompletionSource<AccessToken> owned;
        lock (_gate)
        {
            if (_refresh is not null || !ReferenceEquals(_entry, seen) || _time.GetUtcNow() < _failureUntil)
            {
                return;
            }

            owned = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            _refresh = owned.Task;
        }

        _ = RefreshAsync(seen.Token, owned);
    }

    private async Task RefreshAsync(AccessToken? previous, TaskCompletionSource<AccessToken> completion)
    {
        long generation;
        lock (_gate)
        {
            generation = _generation;
        }

        try
        {
            Interlocked.Increment(ref _acquisitions);
            var token = await _source.AcquireTokenAsync(previous, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _entry = Entry.For(token, _options);
                    _lastFailure = null;
                    _refresh = null;
                }
            }

            RecordRefresh("success");
            completion.SetResult(token);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _lastFailure = ex;
                    _failureUntil = _time.GetUtcNow() + _options.FailureBackoff;
                    _refresh = null;
                }
            }

            RecordRefresh("failure");
            completion.SetException(ex);

            // A background refresh has no awaiter; mark the failure observed so it never surfaces as unobserved.
            _ = completion.Task.Exception;
        }
    }

    private sealed record Entry(AccessToken Token, DateTimeOffset RefreshAt, DateTimeOffset UsableUntil)
    {
        public bool Invalidated { get; init; }

        public static Entry For(AccessToken token, TokenCacheOptions options)
        {
            var lifetime = token.ExpiresOn - token.IssuedOn;
            if (lifetime <= TimeSpan.Zero)
            {
                return new Entry(token, token.ExpiresOn, token.ExpiresOn);
            }

            var tenth = TimeSpan.FromTicks(lifetime.Ticks / 10);
            var ahead = tenth < options.RefreshAhead ? tenth : options.RefreshAhead;
            var skew = options.ExpirySkew < ahead / 2 ? options.ExpirySkew : ahead / 2;
            return new Entry(token, token.ExpiresOn - ahead, token.ExpiresOn - skew);
        }
    }

    private void RecordRefresh(string outcome)
    {
        if (_options.Vendor is { } vendor)
        {
            DigitalTwinTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("digitaltwin.vendor", vendor));
        }
        else
        {
            DigitalTwinTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
