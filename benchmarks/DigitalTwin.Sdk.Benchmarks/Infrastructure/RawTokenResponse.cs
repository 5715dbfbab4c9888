using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>The token answer as a raw client reads it.</summary>
/// <param name="AccessToken">The access token.</param>
/// <param name="ExpiresIn">Lifetime in seconds.</param>
internal sealed record RawTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn);
