using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

/// <summary>Source-generated JSON metadata of the iTwin IoT models (no reflection; trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ITwinIoTEntity))]
[JsonSerializable(typeof(List<ITwinIoTEntity>))]
[JsonSerializable(typeof(Dictionary<string, List<Metric>>))]
[JsonSerializable(typeof(Dictionary<string, List<MetricUnit>>))]
[JsonSerializable(typeof(Dictionary<string, ObservationsSummary>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(List<EntityTemplate>))]
[JsonSerializable(typeof(MetricCatalogResponse))]
[JsonSerializable(typeof(IntegrationEnvelope))]
[JsonSerializable(typeof(IntegrationResponse))]
[JsonSerializable(typeof(SensorIdsBody))]
[JsonSerializable(typeof(SensorMetricsResponse))]
[JsonSerializable(typeof(RawObservationsResult))]
internal sealed partial class ITwinIoTJsonContext : JsonSerializerContext;
