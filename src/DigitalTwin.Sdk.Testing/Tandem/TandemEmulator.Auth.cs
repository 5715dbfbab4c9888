using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DigitalTwin.Sdk.Testing.Tandem;

/// <content>APS Authentication v2: authorize, token (client credentials, authorization code + PKCE, refresh), revoke.</content>
public sealed partial class TandemEmulator
{
    private readonly ConcurrentDictionary<string, AccessGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefreshGrant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CodeGrant> _codes = new(StringComparer.Ordinal);
    private int _tokensIssued;
    private int _refreshGrants;
    private int _refreshGrantsRefused;

    /// <summary>Marks every issued access token as expired, as if its hour had passed.</summary>
    public void ExpireAccessTokens()
    {
        foreach (var grant in _accessTokens.Values)
        {
            grant.ExpiresAt = DateTimeOffset.MinValue;
        }
    }

    private void MapAuthEndpoints(WebApplication app)
    {
        app.MapGet("/authentication/v2/authorize", AuthorizeAsync);
        app.MapPost("/authentication/v2/token", TokenAsync);
        app.MapPost("/authentication/v2/revoke", RevokeAsync);
    }

    private static Task WriteOAuthErrorAsync(HttpContext context, int status, string error, string description) =>
        WriteJsonAsync(context, status, new JsonObject { ["error"] = error, ["error_description"] = description });

    private static string NewToken(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string[] SplitScopes(string? scope) =>
        (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task AuthorizeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        string clientId = query["client_id"].ToString();
        if (clientId != _options.ClientId && clientId != _options.PublicClientId)
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_client", "Unknown client_id.").ConfigureAwait(false);
            return;
        }

        string redirectUri = query["redirect_uri"].ToString();
        if (!string.Equals(redirectUri, _options.RedirectUri.ToString(), StringComparison.Ordinal)
            && !string.Equals(redirectUri, _options.RedirectUri.ToString().TrimEnd('/'), StringComparison.Ordinal))
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_request", "redirect_uri does not match the callback URL registered for the app.").ConfigureAwait(false);
            return;
        }

        var state = query["state"].ToString();
        string? error = null;
        var challenge = query["code_challenge"].ToString();
        var method = query["code_challenge_method"].ToString();
        if (query["response_type"].ToString() != "code")
        {
            error = "unsupported_response_type";
        }
        else if (SplitScopes(query["scope"]).Length == 0)
        {
            error = "invalid_scope";
        }
        else if (clientId == _options.PublicClientId && challenge.Length == 0)
        {
            error = "invalid_request";
        }
        else if (challenge.Length > 0 && (method != "S256" || challenge.Length != 43))
        {
            error = "invalid_request";
        }

        var target = new StringBuilder(redirectUri).Append('?');
        if (error is not null)
        {
            target.Append("error=").Append(error);
        }
        else
        {
            var code = NewToken("code-");
            _codes[code] = new CodeGrant(clientId, redirectUri, SplitScopes(query["scope"]), challenge.Length > 0 ? challenge : null, Now + _options.AuthorizationCodeLifetime);
            target.Append("code=").Append(Uri.EscapeDataString(code));
        }

        if (state.Length > 0)
        {
            target.Append("&state=").Append(Uri.EscapeDataString(state));
        }

        context.Response.StatusCode = 302;
        context.Response.Headers.Location = target.ToString();
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    /// <summary>Authenticates the client: HTTP Basic for the confidential app, <c>client_id</c> in the form for the public app.</summary>
    private string? AuthenticateClient(HttpContext context, IFormCollection form)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            }
            catch (FormatException)
            {
                return null;
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            var id = decoded[..colon];
            var secret = decoded[(colon + 1)..];
            return id == _options.ClientId && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(_options.ClientSecret))
                ? id
                : null;
        }

        // Only the public app may identify itself without a secret; APS v2 takes confidential credentials in the header only.
        return form["client_id"].ToString() == _options.PublicClientId && !form.ContainsKey("client_secret") ? _options.PublicClientId : null;
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await ReadTokenParametersAsync(context).ConfigureAwait(false);
        if (form is null)
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded.").ConfigureAwait(false);
            return;
        }

        var clientId = AuthenticateClient(context, form);
        if (clientId is null)
        {
            await WriteOAuthErrorAsync(context, 401, "invalid_client", "The client credentials are invalid.").ConfigureAwait(false);
            return;
        }

        switch (form["grant_type"].ToString())
        {
            case "client_credentials":
                await ClientCredentialsAsync(context, form, clientId).ConfigureAwait(false);
                break;
            case "authorization_code":
                await AuthorizationCodeAsync(context, form, clientId).ConfigureAwait(false);
                break;
            case "refresh_token":
                await RefreshAsync(context, form, clientId).ConfigureAwait(false);
                break;
            default:
                await WriteOAuthErrorAsync(context, 400, "unsupported_grant_type", "grant_type must be client_credentials, authorization_code or refresh_token.").ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Reads the token request's parameters: the form body, plus any the query string carries that the body does not.
    /// Autodesk's own Tandem samples (tutorial-rest <c>common/auth.js</c> <c>createToken</c>) post
    /// <c>?grant_type=client_credentials&amp;scope=…</c> with Basic credentials and no body, so the service takes them there too.
    /// </summary>
    /// <returns>The parameters, or <see langword="null"/> when a body is present that is not form-encoded.</returns>
    private static async Task<IFormCollection?> ReadTokenParametersAsync(HttpContext context)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!request.HasFormContentType && (hasBody || request.Query.Count == 0))
        {
            return null;
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false))
            {
                fields[key] = value;
            }
        }

        foreach (var (key, value) in request.Query)
        {
            fields.TryAdd(key, value);
        }

        return new FormCollection(fields);
    }

    private async Task ClientCredentialsAsync(HttpContext context, IFormCollection form, string clientId)
    {
        if (clientId != _options.ClientId)
        {
            await WriteOAuthErrorAsync(context, 400, "unauthorized_client", "Public clients cannot use client_credentials.").ConfigureAwait(false);
            return;
        }

        var scopes = SplitScopes(form["scope"]);
        if (scopes.Length == 0)
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_scope", "scope is required.").ConfigureAwait(false);
            return;
        }

        await IssueAsync(context, clientId, scopes, withRefresh: false).ConfigureAwait(false);
    }

    private async Task AuthorizationCodeAsync(HttpContext context, IFormCollection form, string clientId)
    {
        var code = form["code"].ToString();
        if (!_codes.TryRemove(code, out var grant) || grant.ClientId != clientId || grant.ExpiresAt <= Now)
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_grant", "The authorization code is invalid, expired or already used.").ConfigureAwait(false);
            return;
        }

        if (form["redirect_uri"].ToString() != grant.RedirectUri)
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_grant", "redirect_uri does not match the authorization request.").ConfigureAwait(false);
            return;
        }

        if (grant.Challenge is not null)
        {
            var verifier = form["code_verifier"].ToString();
            if (verifier.Length is < 43 or > 128 || ChallengeOf(verifier) != grant.Challenge)
            {
                await WriteOAuthErrorAsync(context, 400, "invalid_grant", "code_verifier does not match the code_challenge.").ConfigureAwait(false);
                return;
            }
        }

        await IssueAsync(context, clientId, grant.Scopes, withRefresh: true).ConfigureAwait(false);
    }

    private async Task RefreshAsync(HttpContext context, IFormCollection form, string clientId)
    {
        var token = form["refresh_token"].ToString();
        if (!_refreshTokens.TryGetValue(token, out var grant) || grant.ClientId != clientId || grant.ExpiresAt <= Now)
        {
            Interlocked.Increment(ref _refreshGrantsRefused);
            await WriteOAuthErrorAsync(context, 400, "invalid_grant", "The refresh token is invalid or expired.").ConfigureAwait(false);
            return;
        }

        bool alreadyUsed;
        lock (grant)
        {
            alreadyUsed = grant.Used;
            grant.Used = true;
        }

        if (alreadyUsed)
        {
            Interlocked.Increment(ref _refreshGrantsRefused);
            await WriteOAuthErrorAsync(context, 400, "invalid_grant", "The refresh token was already used; refresh tokens are single-use.").ConfigureAwait(false);
            return;
        }

        var scopes = grant.Scopes;
        var requested = SplitScopes(form["scope"]);
        if (requested.Length > 0)
        {
            if (requested.Any(s => !grant.Scopes.Contains(s, StringComparer.Ordinal)))
            {
                await WriteOAuthErrorAsync(context, 400, "invalid_scope", "A refresh may only narrow the granted scopes.").ConfigureAwait(false);
                return;
            }

            scopes = requested;
        }

        Interlocked.Increment(ref _refreshGrants);
        await IssueAsync(context, clientId, scopes, withRefresh: true).ConfigureAwait(false);
    }

    private Task IssueAsync(HttpContext context, string clientId, string[] scopes, bool withRefresh)
    {
        var access = NewToken("emu-at-");
        var userId = withRefresh ? TandemSeed.UserId : null;
        _accessTokens[access] = new AccessGrant(clientId, scopes, userId) { ExpiresAt = Now + _options.AccessTokenLifetime };
        var body = new JsonObject
        {
            ["access_token"] = access,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)_options.AccessTokenLifetime.TotalSeconds,
        };
        if (withRefresh)
        {
            var refresh = NewToken("emu-rt-");
            _refreshTokens[refresh] = new RefreshGrant(clientId, scopes, Now + _options.RefreshTokenLifetime, access);
            body["refresh_token"] = refresh;
        }

        Interlocked.Increment(ref _tokensIssued);
        context.Response.Headers.CacheControl = "no-store";
        return WriteJsonAsync(context, 200, body);
    }

    private async Task RevokeAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded.").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var clientId = AuthenticateClient(context, form);
        if (clientId is null)
        {
            await WriteOAuthErrorAsync(context, 401, "invalid_client", "The client credentials are invalid.").ConfigureAwait(false);
            return;
        }

        var token = form["token"].ToString();
        var hint = form["token_type_hint"].ToString();
        if (token.Length == 0 || (hint != "access_token" && hint != "refresh_token"))
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_request", "token and token_type_hint (access_token or refresh_token) are required.").ConfigureAwait(false);
            return;
        }

        if (_accessTokens.TryGetValue(token, out var access) && access.ClientId == clientId)
        {
            access.Revoked = true;
        }

        if (_refreshTokens.TryGetValue(token, out var refresh) && refresh.ClientId == clientId)
        {
            refresh.Used = true;
            if (_accessTokens.TryGetValue(refresh.AccessToken, out var issued))
            {
                issued.Revoked = true;
            }
        }

        // RFC 7009: unknown tokens are answered like revoked ones so the endpoint leaks nothing.
        context.Response.StatusCode = 200;
    }

    /// <summary>Checks region header, bearer token and scope; writes the error and returns <see langword="false"/> when refused.</summary>
    private async Task<bool> AuthorizeDataAsync(HttpContext context, string scope)
    {
        var region = context.Request.Headers["Region"].ToString();
        if (region.Length > 0 && !Regions.Contains(region, StringComparer.Ordinal))
        {
            await WriteApsErrorAsync(context, 400, "BAD_REGION", "Region must be one of US, EMEA, AUS.").ConfigureAwait(false);
            return false;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)
            || !_accessTokens.TryGetValue(header["Bearer ".Length..].Trim(), out var grant)
            || grant.Revoked
            || grant.ExpiresAt <= Now)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteApsErrorAsync(context, 401, "AUTH-006", "The token is not valid or has expired.").ConfigureAwait(false);
            return false;
        }

        if (!grant.Scopes.Contains(scope, StringComparer.Ordinal))
        {
            await WriteApsErrorAsync(context, 403, "AUTH-003", string.Create(CultureInfo.InvariantCulture, $"The token does not carry the required scope {scope}.")).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private static string ChallengeOf(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class AccessGrant(string clientId, string[] scopes, string? userId)
    {
        public string ClientId { get; } = clientId;

        public string[] Scopes { get; } = scopes;

        public string? UserId { get; } = userId;

        public DateTimeOffset ExpiresAt { get; set; }

        public bool Revoked { get; set; }
    }

    private sealed class RefreshGrant(string clientId, string[] scopes, DateTimeOffset expiresAt, string accessToken)
    {
        public string ClientId { get; } = clientId;

        public string[] Scopes { get; } = scopes;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public string AccessToken { get; } = accessToken;

        public bool Used { get; set; }
    }

    private sealed record CodeGrant(string ClientId, string RedirectUri, string[] Scopes, string? Challenge, DateTimeOffset ExpiresAt);
}
