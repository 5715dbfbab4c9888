using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.BuildingX.Internal;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.BuildingX;

/// <content>The Auth0-style client-credentials token endpoint and bearer-token checks.</content>
public sealed partial class BuildingXEmulator
{
    private async Task HandleTokenAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await WriteOAuthErrorAsync(context, 405, "invalid_request", "Use POST.").ConfigureAwait(false);
            return;
        }

        var fields = await ReadTokenRequestAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (fields is null)
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_request", "Send a JSON or form-encoded body.").ConfigureAwait(false);
            return;
        }

        var grantType = fields.GetValueOrDefault("grant_type");
        var clientId = fields.GetValueOrDefault("client_id");
        var clientSecret = fields.GetValueOrDefault("client_secret");
        var audience = fields.GetValueOrDefault("audience");
        if (string.IsNullOrEmpty(grantType) || string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_request", "Missing required parameter: grant_type, client_id and client_secret are mandatory.").ConfigureAwait(false);
            return;
        }

        if (grantType != "client_credentials")
        {
            await WriteOAuthErrorAsync(context, 400, "unsupported_grant_type", "Only client_credentials is supported.").ConfigureAwait(false);
            return;
        }

        if (!FixedTimeEquals(clientId, _options.ClientId) || !FixedTimeEquals(clientSecret, _options.ClientSecret))
        {
            await WriteOAuthErrorAsync(context, 401, "access_denied", "Unauthorized").ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(audience))
        {
            await WriteOAuthErrorAsync(context, 403, "access_denied", "No audience parameter was provided.").ConfigureAwait(false);
            return;
        }

        if (audience != _options.Audience)
        {
            await WriteOAuthErrorAsync(context, 403, "access_denied", $"Service not found: {audience}").ConfigureAwait(false);
            return;
        }

        var now = _options.TimeProvider.GetUtcNow();
        var expiresAt = now + _options.TokenLifetime;
        var token = CreateJwt(clientId, audience, now, expiresAt);
        _tokens[token] = new IssuedToken(clientId, expiresAt);
        Interlocked.Increment(ref _tokensIssued);
        var body = new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer" };
        if (!_options.OmitExpiresIn)
        {
            body["expires_in"] = (long)_options.TokenLifetime.TotalSeconds;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Returns the client id of a valid bearer token or throws a 401 error.</summary>
    private string Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            throw new EmulatorErrorException(new EmulatorError(401, "10-0401", "Unauthorized", "A bearer token is required."));
        }

        var token = header[Scheme.Length..].Trim();
        if (!_tokens.TryGetValue(token, out var issued))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            throw new EmulatorErrorException(new EmulatorError(401, "10-0401", "Unauthorized", "The bearer token is not valid."));
        }

        if (_options.TimeProvider.GetUtcNow() >= issued.ExpiresAt)
        {
            _tokens.TryRemove(token, out _);
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            throw new EmulatorErrorException(new EmulatorError(401, "10-0401", "Unauthorized", "The bearer token has expired."));
        }

        return issued.ClientId;
    }

    private static async Task<Dictionary<string, string>?> ReadTokenRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType ?? string.Empty;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            return form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }

        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (node is not JsonObject obj)
            {
                return null;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in obj)
            {
                if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
                {
                    fields[name] = text;
                }
            }

            return fields;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task WriteOAuthErrorAsync(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = new JsonObject { ["error"] = error, ["error_description"] = description };
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private string CreateJwt(string clientId, string audience, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["iss"] = BaseUri.ToString(),
            ["sub"] = clientId + "@clients",
            ["aud"] = audience,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["azp"] = clientId,
            ["gty"] = "client-credentials",
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        var unsigned = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var key = Encoding.UTF8.GetBytes("buildingx-emulator-signing-key-" + _options.Seed.ToString(CultureInfo.InvariantCulture));
        var signature = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(unsigned));
        return unsigned + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}
