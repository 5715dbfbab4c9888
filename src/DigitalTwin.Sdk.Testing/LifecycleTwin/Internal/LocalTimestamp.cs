namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>A time written with its offset (<c>2022-10-18T14:32:17.023+00:00</c>) rather than in UTC with <c>Z</c>.</summary>
/// <param name="Value">The time.</param>
internal readonly record struct LocalTimestamp(DateTimeOffset Value);
