using System.Text;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Internal;

/// <summary>The JSON body of the client-credentials token request, as the vendor's guide sends it.</summary>
/// <param name="ClientId">The machine user's client id.</param>
/// <param name="ClientSecret">The machine user's client secret; never printed.</param>
/// <param name="Audience">The API audience, <c>https://horizon.siemens.com</c> by default.</param>
internal sealed record BuildingXTokenRequest(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("audience")] string Audience)
{
    /// <summary>Gets the grant type; always <c>client_credentials</c>.</summary>
    [JsonPropertyName("grant_type")]
    public string GrantType => "client_credentials";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ClientId = ").Append(ClientId).Append(", ClientSecret = ***, Audience = ").Append(Audience);
        return true;
    }
}
