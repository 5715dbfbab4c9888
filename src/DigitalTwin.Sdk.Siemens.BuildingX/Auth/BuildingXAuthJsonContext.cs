using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Internal;

/// <summary>Source-generated metadata of the token endpoint's request and response bodies.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BuildingXTokenRequest))]
internal sealed partial class BuildingXAuthJsonContext : JsonSerializerContext;
