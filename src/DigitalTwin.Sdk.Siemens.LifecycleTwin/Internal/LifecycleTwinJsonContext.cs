using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Source-generated System.Text.Json metadata for the Lifecycle Twin models (no reflection, AOT-safe).
/// </summary>
/// <remarks>
/// Lists are what the API returns (a list and a get-by-id both answer with a JSON array). The
/// <see cref="JsonObject"/> and <see cref="JsonElement"/> lists serve the generic escape hatch for entities without a
/// model. Property names are matched case-insensitively on read (the service writes PascalCase) and nulls are not
/// written, so a model read from the service serializes back to the same JSON. Tokens are handled by the core.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Site))]
[JsonSerializable(typeof(List<Site>))]
[JsonSerializable(typeof(Asset))]
[JsonSerializable(typeof(List<Asset>))]
[JsonSerializable(typeof(Document))]
[JsonSerializable(typeof(List<Document>))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(List<JsonObject>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(List<JsonElement>))]
internal sealed partial class LifecycleTwinJsonContext : JsonSerializerContext;
