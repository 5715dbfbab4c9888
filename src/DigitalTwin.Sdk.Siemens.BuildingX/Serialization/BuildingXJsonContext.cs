using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Internal;

/// <summary>
/// Source-generated System.Text.Json metadata for every Building X model (camelCase, nulls not written).
/// Pass its members where an API takes a <see cref="System.Text.Json.Serialization.Metadata.JsonTypeInfo{T}"/>,
/// e.g. <c>BuildingXJsonContext.Default.DeviceInfo</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonApiDocument<JsonElement>), TypeInfoPropertyName = "UntypedDocument")]
[JsonSerializable(typeof(JsonApiDocument<JsonApiResource<JsonElement>>), TypeInfoPropertyName = "ResourceDocument")]
[JsonSerializable(typeof(JsonApiDocument<IReadOnlyList<JsonApiResource<JsonElement>>>), TypeInfoPropertyName = "ResourceListDocument")]
[JsonSerializable(typeof(JsonApiResource<JsonElement>), TypeInfoPropertyName = "JsonApiResourceJsonElement")]
[JsonSerializable(typeof(JsonApiResourceIdentifier))]
[JsonSerializable(typeof(JsonApiError))]
[JsonSerializable(typeof(JsonApiDocument<IReadOnlyList<UserGroup>>), TypeInfoPropertyName = "UserGroupListDocument")]
[JsonSerializable(typeof(JsonApiDocument<IReadOnlyList<Customer>>), TypeInfoPropertyName = "CustomerListDocument")]
[JsonSerializable(typeof(JsonApiDocument<IReadOnlyList<Partition>>), TypeInfoPropertyName = "PartitionListDocument")]
[JsonSerializable(typeof(JsonApiDocument<Location>), TypeInfoPropertyName = "LocationDocument")]
[JsonSerializable(typeof(JsonApiDocument<IReadOnlyList<Location>>), TypeInfoPropertyName = "LocationListDocument")]
[JsonSerializable(typeof(JsonApiDocument<Device>), TypeInfoPropertyName = "DeviceDocument")]
[JsonSerializable(typeof(JsonApiDocument<IReadOnlyList<Device>>), TypeInfoPropertyName = "DeviceListDocument")]
[JsonSerializable(typeof(DeviceInfo))]
[JsonSerializable(typeof(JsonApiDocument<Point>), TypeInfoPropertyName = "PointDocument")]
[JsonSerializable(typeof(JsonApiDocument<IReadOnlyList<Point>>), TypeInfoPropertyName = "PointListDocument")]
[JsonSerializable(typeof(JsonApiDocument<PointValue>), TypeInfoPropertyName = "PointValueDocument")]
[JsonSerializable(typeof(JsonApiDocument<IReadOnlyList<PointValue>>), TypeInfoPropertyName = "PointValueListDocument")]
internal sealed partial class BuildingXJsonContext : JsonSerializerContext;
