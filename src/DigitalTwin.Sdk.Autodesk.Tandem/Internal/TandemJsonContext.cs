using System.Text.Json.Serialization;
using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>Source-generated (reflection-free) JSON metadata of every Tandem wire type.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(TandemTwin))]
[JsonSerializable(typeof(Dictionary<string, TandemTwin>))]
[JsonSerializable(typeof(IReadOnlyList<TandemGroup>))]
[JsonSerializable(typeof(TandemGroup))]
[JsonSerializable(typeof(IReadOnlyList<TwinView>))]
[JsonSerializable(typeof(ScanRequest))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(ModelSchema))]
[JsonSerializable(typeof(IReadOnlyList<HistoryEntry>))]
[JsonSerializable(typeof(StreamLastValuesRequest))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, JsonElement>>))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, Dictionary<string, JsonElement>>>))]
internal sealed partial class TandemJsonContext : JsonSerializerContext
{
}
