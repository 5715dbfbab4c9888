using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>Source-generated metadata of the hand-written raw baselines (the same models the SDK returns).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(List<RawAsset>))]
[JsonSerializable(typeof(RawTokenResponse))]
internal sealed partial class RawJsonContext : JsonSerializerContext;
