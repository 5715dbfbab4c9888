using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Redis.Internal;

/// <summary>A token as stored in Redis (before optional encryption): times as Unix milliseconds.</summary>
internal sealed record StoredToken(
    [property: JsonPropertyName("v")] string Value,
    [property: JsonPropertyName("exp")] long ExpiresOn,
    [property: JsonPropertyName("iat")] long IssuedOn,
    [property: JsonPropertyName("rt")] string? RefreshToken,
    [property: JsonPropertyName("s")] string Scheme);

[JsonSerializable(typeof(StoredToken))]
internal sealed partial class RedisJsonContext : JsonSerializerContext;
