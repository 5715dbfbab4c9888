using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Auth;

/// <summary>A response of <c>POST authentication/v2/token</c>.</summary>
/// <remarks>Holds secrets: <see cref="ToString"/> shows neither token.</remarks>
public sealed record ApsToken
{
    /// <summary>Gets the access token.</summary>
    [JsonPropertyName("access_token")]
    public string AccessToken { get; init; } = string.Empty;

    /// <summary>Gets the token type, <c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>Gets the lifetime of the access token in seconds (about 3600).</summary>
    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }

    /// <summary>Gets the single-use refresh token (three-legged only; valid about 15 days).</summary>
    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    /// <summary>Gets the OpenID Connect id token, when <c>openid</c> was requested.</summary>
    [JsonPropertyName("id_token")]
    public string? IdToken { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Writes the non-secret members.</summary>
    /// <param name="builder">The target.</param>
    /// <returns><see langword="true"/>.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("TokenType = ").Append(TokenType)
            .Append(", ExpiresIn = ").Append(ExpiresIn)
            .Append(", AccessToken = ***, RefreshToken = ").Append(RefreshToken is null ? "null" : "***");
        return true;
    }
}
