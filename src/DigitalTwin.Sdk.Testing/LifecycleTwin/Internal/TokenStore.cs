using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>Issues, validates and revokes the emulator's opaque access and refresh tokens. Thread-safe.</summary>
internal sealed class TokenStore(TimeProvider time, TimeSpan lifetime, bool rotateRefreshTokens)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _refreshTokens = new(StringComparer.Ordinal);
    private int _passwordGrants;
    private int _refreshGrants;

    public int PasswordGrants => Volatile.Read(ref _passwordGrants);

    public int RefreshGrants => Volatile.Read(ref _refreshGrants);

    public TokenGrant IssueForPassword()
    {
        Interlocked.Increment(ref _passwordGrants);
        var refreshToken = NewToken(24);
        _refreshTokens[refreshToken] = 0;
        return Issue(refreshToken);
    }

    /// <summary>Redeems a refresh token; <see langword="null"/> when it is unknown, revoked or (rotating) already used.</summary>
    public TokenGrant? Redeem(string refreshToken)
    {
        if (rotateRefreshTokens)
        {
            // TryRemove makes a refresh token single-use even under concurrent redemption.
            if (!_refreshTokens.TryRemove(refreshToken, out _))
            {
                return null;
            }

            refreshToken = NewToken(24);
            _refreshTokens[refreshToken] = 0;
        }
        else if (!_refreshTokens.ContainsKey(refreshToken))
        {
            return null;
        }

        Interlocked.Increment(ref _refreshGrants);
        return Issue(refreshToken);
    }

    public bool IsValid(string accessToken) =>
        _accessTokens.TryGetValue(accessToken, out var expiresAt) && time.GetUtcNow() < expiresAt;

    public void RevokeAll()
    {
        _accessTokens.Clear();
        _refreshTokens.Clear();
    }

    public void ExpireAccessTokens()
    {
        var now = time.GetUtcNow();
        foreach (var token in _accessTokens.Keys)
        {
            _accessTokens[token] = now;
        }
    }

    private TokenGrant Issue(string refreshToken)
    {
        var seconds = (long)lifetime.TotalSeconds;
        var accessToken = NewToken(48);
        _accessTokens[accessToken] = time.GetUtcNow().AddSeconds(seconds);
        return new TokenGrant(accessToken, refreshToken, seconds);
    }

    private static string NewToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
