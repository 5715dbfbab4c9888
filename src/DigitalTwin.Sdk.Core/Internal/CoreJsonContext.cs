using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Core.Auth;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Source-generated serialization of the core's own wire types.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(OAuthTokenResponse))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
