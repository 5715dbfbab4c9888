namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <summary>A <c>subscribeData</c> registration: its request id is its subscription id.</summary>
internal sealed record DataSubscription(long Id, HashSet<string> Sensors, MetricDef Metric, UnitDef Unit);

/// <summary>A <c>subscribeNodes/Devices/Sensors</c> registration; no ids means every entity of the kind.</summary>
internal sealed record EntitySubscription(long Id, EntityKind Kind, HashSet<string> Ids);
