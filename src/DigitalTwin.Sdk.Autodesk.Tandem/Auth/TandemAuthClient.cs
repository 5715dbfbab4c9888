using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Default <see cref="ITandemAuthClient"/>.</summary>
/// <remarks>Thread-safe; obtain through <see cref="TandemClient.Auth"/>.</remarks>
internal sealed class TandemAuthClient : ITandemAuthClient
{
    private readonly ClientRuntime _api;
    private readonly ClientRuntime _tokenRuntime;
    private readonly TandemOptions _options;
    private readonly ITandemTokenStore _store;
    private readonly ThreeLeggedTokenSource? _threeLegged;

    internal TandemAuthClient(ClientRuntime api, ClientRuntime tokenRuntime, TandemOptions options, ITandemTokenStore store, ThreeLeggedTokenSource? threeLegged)
    {
        _api = api;
        _tokenRuntime = tokenRuntime;
        _options = options;
        _store = store;
        _threeLegged = threeLegged;
    }

    /// <inheritdoc />
    public Uri CreateAuthorizeUri(PkceCodes pkce, string? state = null, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(pkce);
        RequireThreeLegged();
        return new ApsAuthorizeRequest
        {
            ClientId = _options.ClientId!,
            RedirectUri = _options.RedirectUri!,
            Scopes = _options.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Pkce = pkce,
            State = state,
            Nonce = nonce,
        }.ToUri(_options.AuthorizeUrl);
    }

    /// <inheritdoc />
    public Task ExchangeCodeAsync(string code, PkceCodes pkce, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(pkce);
        var source = RequireThreeLegged();
        return ExchangeCoreAsync(source, code, pkce, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<AccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default) =>
        _api.Tokens!.GetTokenAsync(cancellationToken);

    /// <inheritdoc />
    public Task RevokeAsync(string token, ApsTokenTypeHint hint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return RevokeCoreAsync(token, hint, cancellationToken);
    }

    /// <inheritdoc />
    public async Task SignOutAsync(CancellationToken cancellationToken = default)
    {
        var refreshToken = await _store.GetRefreshTokenAsync(cancellationToken).ConfigureAwait(false);
        if (refreshToken is not null)
        {
            await RevokeCoreAsync(refreshToken, ApsTokenTypeHint.RefreshToken, cancellationToken).ConfigureAwait(false);
        }

        // A shared session's current refresh token may be one another process rotated: revoke it too, which ends the
        // session for every process (their next refresh is refused).
        if (_threeLegged?.Shared is { } shared
            && await shared.Store.GetAsync(shared.Key, cancellationToken).ConfigureAwait(false) is { RefreshToken: { } sharedRefresh }
            && !string.Equals(sharedRefresh, refreshToken, StringComparison.Ordinal))
        {
            await RevokeCoreAsync(sharedRefresh, ApsTokenTypeHint.RefreshToken, cancellationToken).ConfigureAwait(false);
        }

        await _store.SaveRefreshTokenAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private ThreeLeggedTokenSource RequireThreeLegged() =>
        _threeLegged ?? throw new InvalidOperationException("Sign-in needs TandemOptions.Flow = ThreeLegged and a RedirectUri.");

    private async Task ExchangeCoreAsync(ThreeLeggedTokenSource source, string code, PkceCodes pkce, CancellationToken cancellationToken)
    {
        AccessToken token;
        using (var request = ApsTokenRequests.AuthorizationCode(_options, code, pkce))
        {
            token = await OAuthTokenClient.RequestAsync(_tokenRuntime, request, cancellationToken).ConfigureAwait(false);
        }

        await _store.SaveRefreshTokenAsync(token.RefreshToken, CancellationToken.None).ConfigureAwait(false);

        // Shared across processes, the sign-in seeds the session for all of them (under the refresh lease); the cache
        // then finds it in the store. Only when the store failed is the token this process's alone.
        if (source.Shared is not { } shared || !await shared.Source.SeedAsync(token, CancellationToken.None).ConfigureAwait(false))
        {
            source.Offer(token);
        }

        // A fresh cache forgets a "not signed in" failure from calls made before sign-in (the cache backs off after failures)
        // and any token of a previous user.
        (_api.Tokens as TokenCache)?.Reset();
    }

    private async Task RevokeCoreAsync(string token, ApsTokenTypeHint hint, CancellationToken cancellationToken)
    {
        using var request = ApsTokenRequests.Revoke(_options, token, hint);
        using var response = await _tokenRuntime.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
