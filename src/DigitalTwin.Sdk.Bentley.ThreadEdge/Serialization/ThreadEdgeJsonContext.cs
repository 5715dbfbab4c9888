using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;

/// <summary>Source-generated JSON metadata for every THREAD edge request and response model.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SetTimeRequest))]
[JsonSerializable(typeof(BatterySaverRequest))]
[JsonSerializable(typeof(BatterySaverSettings))]
[JsonSerializable(typeof(DeviceVoltageRequest))]
[JsonSerializable(typeof(SleepRequest))]
[JsonSerializable(typeof(PortModeRequest))]
[JsonSerializable(typeof(PortConfiguration))]
[JsonSerializable(typeof(RemovePortConfigurationRequest))]
[JsonSerializable(typeof(InterfacePriority))]
[JsonSerializable(typeof(PortMessageRequest))]
[JsonSerializable(typeof(TextSwitchRequest))]
[JsonSerializable(typeof(DeviceConnectionRequest))]
internal sealed partial class ThreadEdgeJsonContext : JsonSerializerContext;
