using System.Text;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Auth;

/// <summary>The token endpoint's answer.</summary>
internal sealed record BuildingXTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AccessToken = ***, ExpiresIn = ").Append(ExpiresIn).Append(", TokenType = ").Append(TokenType)
            .Append(", Error = ").Append(Error);
        return true;
    }
}
